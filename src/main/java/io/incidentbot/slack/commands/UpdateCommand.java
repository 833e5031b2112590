package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/** {@code /incident update <text>}: posts a status update to stakeholders. */
final class UpdateCommand implements Subcommand {
    private final IncidentService incidents;

    UpdateCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "update";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("update <text>", "post a status update to stakeholders"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return Reply.usage("update <text>");
        }
        incidents.statusUpdate(in.channelId(), rest, in.userId());
        return Reply.say("Status update sent.");
    }
}
