package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

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
        for (Role role : Role.values()) {
            String chosen = values.user(Modals.roleBlock(role));
            if (chosen != null && !chosen.equals(incident.roles().get(role))) {
                incidents.assignRole(incident.channelId(), role, chosen, userId);
            }
        }
        return Map.of();
    }
}
