package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Status;

import java.util.List;
import java.util.Optional;

/** {@code /incident status <status>}: sets the status. */
final class StatusCommand implements Subcommand {
    private final IncidentService incidents;

    StatusCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("status <investigating|identified|monitoring|resolved>", "set the status"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Optional<Status> status = Status.parse(rest);
        if (status.isEmpty()) {
            return Reply.usage(usage().get(0).syntax());
        }
        incidents.setStatus(in.channelId(), status.get(), in.userId());
        return Reply.say("Status set to " + status.get().label() + ".");
    }
}
