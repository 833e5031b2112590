package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/** {@code /incident resolve [summary]}: resolves the incident and queues the postmortem draft. */
final class ResolveCommand implements Subcommand {
    private final IncidentService incidents;

    ResolveCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("resolve [summary]", "resolve the incident and draft the postmortem"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        incidents.resolve(in.channelId(), rest, in.userId());
        return Reply.say("Resolved. The postmortem draft will be posted here shortly.");
    }
}
