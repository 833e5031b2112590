package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/** {@code /incident postmortem}: queues the postmortem draft again. */
final class PostmortemCommand implements Subcommand {
    private final IncidentService incidents;

    PostmortemCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "postmortem";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("postmortem", "(re)generate the postmortem draft"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        incidents.requestPostmortem(in.channelId(), in.userId());
        return Reply.say("Drafting the postmortem; it will be posted here shortly.");
    }
}
