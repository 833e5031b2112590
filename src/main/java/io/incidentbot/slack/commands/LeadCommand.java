package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Role;
import io.incidentbot.markup.Mentions;

import java.util.List;
import java.util.Optional;

/** {@code /incident lead @user}: assigns the lead (incident commander). */
final class LeadCommand implements Subcommand {
    private final IncidentService incidents;

    LeadCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "lead";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("lead @user", "assign the lead (incident commander)"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Optional<String> user = Mentions.user(rest);
        if (user.isEmpty()) {
            return Reply.usage("lead @user");
        }
        incidents.assignRole(in.channelId(), Role.LEAD, user.get(), in.userId());
        return Reply.say(Mentions.of(user.get()) + " is now the lead.");
    }
}
