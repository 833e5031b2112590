package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.EnumMap;
import java.util.Map;
import io.incidentbot.incident.Role;

/**
 * The Roles modal: for each role whose chosen person differs from its holder, what
 * {@code /incident lead @user} or {@code /incident role <role> @user} does. An emptied select changes
 * nothing (a role is handed over, never left empty).
 */
final class RolesSubmission extends IncidentSubmission {
    RolesSubmission(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String callbackId() {
        return Modals.ROLES;
    }

    @Override
    String errorBlock() {
        return Modals.roleBlock(Role.LEAD);
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        Map<Role, String> chosen = new EnumMap<>(Role.class);
        for (Role role : Role.values()) { // every picker is checked before any role changes
            String user = values.user(Modals.roleBlock(role));
            if (user != null && !user.equals(incident.roles().get(role))) {
                chosen.put(role, user);
            }
        }
        chosen.forEach((role, user) -> incidents.assignRole(incident.channelId(), role, user, userId));
        return Map.of();
    }
}
