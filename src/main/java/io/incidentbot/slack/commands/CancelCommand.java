package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/**
 * {@code /incident cancel <n>}: the declarer of an incident whose channel could not be created closes it,
 * from anywhere (it is resolved with a "cancelled" summary; nothing is posted in Slack).
 */
final class CancelCommand implements Subcommand {
    private final IncidentService incidents;

    CancelCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("cancel <n>", "close incident n whose channel could not be created (its declarer)"));
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
            return Reply.usage("cancel <incident number>");
        }
        incidents.stuck().cancel(number, in.userId());
        return Reply.say("Incident " + number + " is cancelled (resolved without a channel).");
    }
}
