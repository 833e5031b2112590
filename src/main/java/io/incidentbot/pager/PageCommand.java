package io.incidentbot.pager;

import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /incident page [message]} in an incident channel: pages every pager set at any severity, once per use
 * ({@link PagePlanner#manual}); the pages and a {@link EntryKind#PAGE} timeline entry ("Paged PagerDuty by
 * @{U..}: message") commit in one unit of work, the pagers' jobs with them.
 */
public final class PageCommand implements Subcommand {
    private final Transactions transactions;
    private final PagerIntegration pager;

    /**
     * @param transactions runs the use case
     * @param pager        the pager integration
     */
    public PageCommand(Transactions transactions, PagerIntegration pager) {
        this.transactions = transactions;
        this.pager = pager;
    }

    @Override
    public String name() {
        return "page";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("page [message]", "page the on-call now, at any severity"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (pager.planner().pagers().isEmpty()) {
            return Reply.say("No pager is set up (PAGERDUTY_ROUTING_KEY, JSM_OPS_API_KEY, GOALERT_URL or INCIDENT_ONCALL_FILE), so nobody can be paged.");
        }
        String message = rest.isBlank() ? null : rest.strip();
        String names = transactions.run(work -> {
            long n = work.repositories().incidents().numberOfChannel(in.channelId())
                    .orElseThrow(() -> new NotAnIncidentChannelException("page"));
            List<PageJob> jobs = pager.planner().manual(work.repositories(), n, in.userId(), message, work.now());
            pager.subscriber().enqueue(work, jobs);
            String through = jobs.stream().map(j -> j.pager().displayName()).collect(Collectors.joining(", "));
            work.repositories().timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, work.now(), null, null, in.userId(),
                    "Paged " + through + " by " + TimelineEntry.userToken(in.userId())
                            + (message == null ? "" : ": " + TimelineEntry.literal(message)),
                    null, false, true, List.of()));
            return through;
        });
        return Reply.say("Paged " + names + ".");
    }
}
