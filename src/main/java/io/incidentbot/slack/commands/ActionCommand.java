package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.markup.Mentions;

import java.util.List;

/** {@code /incident action <text> [@owner]}: records a follow-up. */
final class ActionCommand implements Subcommand {
    private final IncidentService incidents;

    ActionCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "action";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("action <text> [@owner]", "record a follow-up"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        if (rest.isEmpty()) {
            return Reply.usage("action <text> [@owner]");
        }
        String[] split = Mentions.trailingUser(rest);
        incidents.followUp(in.channelId(), split[0], split[1], in.userId());
        return Reply.say("Follow-up recorded.");
    }
}
