package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Role;
import io.incidentbot.slack.render.ReminderPosts;

/** I'll lead (on a lead reminder): what {@code /incident lead @me} does. */
final class TakeLeadButton extends DirectButton {
    TakeLeadButton(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String actionId() {
        return ReminderPosts.TAKE_LEAD;
    }

    @Override
    String run(Incident incident, String userId) {
        incidents.assignRole(incident.channelId(), Role.LEAD, userId, userId);
        return "You lead incident " + incident.number() + " now.";
    }
}
