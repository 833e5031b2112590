package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Role;
import io.incidentbot.markup.Mentions;

import java.util.List;
import java.util.Optional;

/** {@code /incident role <lead|comms|scribe> @user}: assigns a role. */
final class RoleCommand implements Subcommand {
    private final IncidentService incidents;

    RoleCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "role";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("role <lead|comms|scribe> @user", "assign a role"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String[] words = rest.split("\\s+", 2);
        Optional<Role> role = Role.parse(words[0]);
        Optional<String> user = words.length > 1 ? Mentions.user(words[1]) : Optional.empty();
        if (role.isEmpty() || user.isEmpty()) {
            return Reply.usage("role <lead|comms|scribe> @user");
        }
        incidents.assignRole(in.channelId(), role.get(), user.get(), in.userId());
        return Reply.say(Mentions.of(user.get()) + " is now " + role.get().label() + ".");
    }
}
