package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.slack.render.AlertPosts;

import java.util.List;

/**
 * {@code /incident changes}: the changes of {@code INCIDENT_CHANGE_WINDOW} before the channel's incident
 * (most recent first, 10 with a count of the rest, each with time, kind, service, author and link), and
 * those made since it was declared.
 */
final class ChangesCommand implements Subcommand {
    private final IncidentQueries incidents;

    ChangesCommand(IncidentQueries incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "changes";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("changes", "changes in the window before the incident, and during it"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        return Reply.say(AlertPosts.report(incidents.changes(in.channelId())));
    }
}
