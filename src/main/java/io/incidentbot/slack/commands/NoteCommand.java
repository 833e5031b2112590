package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;

import java.util.List;

/** {@code /incident note <text>}: adds a note to the timeline. */
final class NoteCommand implements Subcommand {
    private final IncidentService incidents;

    NoteCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "note";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("note <text>", "add a note to the timeline"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return Reply.usage("note <text>");
        }
        incidents.note(in.channelId(), rest, in.userId());
        return Reply.say("Note added to the timeline.");
    }
}
