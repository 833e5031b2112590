package io.incidentbot.pager;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /incident page [message]} in an incident channel: pages every pager set at any severity, once per use
 * ({@link PagePlanner#manual}); {@code /incident page retry} sends again the pages that failed for good
 * ({@link PagePlanner#retry}). The pages, a {@link EntryKind#PAGE} timeline entry ("Paged PagerDuty by @{U..}:
 * message") and an {@link IncidentEvent.PageChanged} (the line in the channel, the header's paging line) commit in
 * one unit of work, the pagers' jobs with them. The header's <em>Page on-call</em> modal pages through
 * {@link #page}.
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
        return List.of(new Usage("page [message]", "page the on-call now, at any severity"),
                new Usage("page retry", "send again the pages that failed"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    /** The refusal when no page has anywhere to go ({@link PagePlanner#enabled()} false): command and button alike. */
    public static final String NO_PAGER = "No pager is set up (PAGERDUTY_ROUTING_KEY, JSM_OPS_API_KEY, GOALERT_URL or "
            + "INCIDENT_ONCALL_FILE), so nobody can be paged.";

    @Override
    public Reply run(Invocation in, String rest) {
        if (!pager.planner().enabled()) {
            return Reply.say(NO_PAGER);
        }
        boolean retry = rest.strip().toLowerCase(Locale.ROOT).equals("retry");
        String message = retry || rest.isBlank() ? null : rest.strip();
        String names = transactions.run(work -> {
            long n = work.repositories().incidents().numberOfChannel(in.channelId())
                    .orElseThrow(() -> new NotAnIncidentChannelException("page"));
            return page(work, n, in.userId(), message, retry, pager.planner().pagers());
        });
        if (names.isEmpty()) {
            return Reply.say("No page of this incident failed, so there is nothing to send again.");
        }
        return Reply.say((retry ? "Paging again: " : "Paged ") + names + ".");
    }

    /**
     * Pages incident {@code n} by hand in {@code work} (the command and the <em>Page on-call</em> modal).
     *
     * @param actor   Slack user ID of who paged
     * @param message their message, or null
     * @param retry   true to send again only the pages that failed
     * @param only    the pagers to page (the modal's choice; ignored for a retry)
     * @return the pagers' names, comma-separated; empty when nothing was sent
     */
    public String page(UnitOfWork work, long n, String actor, String message, boolean retry, Collection<PagerKind> only) {
        List<PageJob> jobs = retry ? pager.planner().retry(work.repositories(), n, actor, work.now())
                : pager.planner().manual(work.repositories(), n, actor, message, work.now(), only);
        if (jobs.isEmpty()) {
            return "";
        }
        pager.subscriber().enqueue(work, jobs);
        String through = jobs.stream().map(j -> j.pager().displayName()).collect(Collectors.joining(", "));
        String text = "Paged " + through + (retry ? " again" : "") + " by " + TimelineEntry.userToken(actor)
                + (message == null ? "" : ": " + TimelineEntry.literal(message));
        work.repositories().timeline().add(new TimelineEntry(0, n, EntryKind.PAGE, work.now(), null, null, actor, text,
                null, false, true, List.of()));
        work.record(new IncidentEvent.PageChanged(n, actor, text, null, false, work.now()));
        return through;
    }
}
