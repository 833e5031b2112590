package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.StuckIncidents;

import java.util.List;

/**
 * {@code /incident retry <n>} and {@code /incident cancel <n>}: the declarer of an incident whose channel
 * could not be created (e.g. Slack answered {@code missing_scope}) tries again once the cause is fixed, or
 * closes it (resolved with a "cancelled" summary; nothing is posted in Slack), from anywhere.
 */
final class StuckIncidentCommand implements Subcommand {
    /** What the subcommand does with incident {@code number} for {@code in}'s user. */
    @FunctionalInterface
    private interface Action {
        void run(StuckIncidents stuck, long number, Invocation in);
    }

    private final IncidentService incidents;
    private final String name;
    private final String summary;
    private final Action action;
    private final String done;

    private StuckIncidentCommand(IncidentService incidents, String name, String summary, Action action, String done) {
        this.incidents = incidents;
        this.name = name;
        this.summary = summary;
        this.action = action;
        this.done = done;
    }

    /** @return {@code /incident retry <n>} */
    static StuckIncidentCommand retry(IncidentService incidents) {
        return new StuckIncidentCommand(incidents, "retry", "try again to create the channel of incident n (its declarer)",
                (stuck, n, in) -> stuck.retry(n, in.userId(), in.responseUrl()),
                "Trying again to create the channel of incident %d.");
    }

    /** @return {@code /incident cancel <n>} */
    static StuckIncidentCommand cancel(IncidentService incidents) {
        return new StuckIncidentCommand(incidents, "cancel", "close incident n whose channel could not be created (its declarer)",
                (stuck, n, in) -> stuck.cancel(n, in.userId()),
                "Incident %d is cancelled (resolved without a channel).");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage(name + " <n>", summary));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Long namedIncident(String rest) {
        return IncidentNumbers.parse(rest);
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Long number = IncidentNumbers.parse(rest);
        if (number == null) {
            return Reply.usage(name + " <incident number>");
        }
        action.run(incidents.stuck(io.incidentbot.slack.jobs.SlackJobs.CREATES_CHANNEL), number, in);
        return Reply.say(String.format(done, number));
    }
}
