package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/**
 * {@code /incident retry <n>}: the declarer of an incident whose channel could not be created (e.g. Slack
 * answered {@code missing_scope}) tries again, from anywhere, once the cause is fixed.
 */
final class RetryCommand implements Subcommand {
    private final IncidentService incidents;

    RetryCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "retry";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("retry <n>", "try again to create the channel of incident n (its declarer)"));
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
            return Reply.usage("retry <incident number>");
        }
        incidents.stuck().retry(number, in.userId(), in.responseUrl());
        return Reply.say("Trying again to create the channel of incident " + number + ".");
    }
}
