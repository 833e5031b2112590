package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Header;

/** Postmortem (on a resolved incident's header): what {@code /incident postmortem} does. */
final class PostmortemButton extends DirectButton {
    PostmortemButton(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String actionId() {
        return Header.POSTMORTEM;
    }

    @Override
    String run(Incident incident, String userId) {
        incidents.requestPostmortem(incident.channelId(), userId);
        return "The postmortem draft of incident " + incident.number() + " will be posted in its channel shortly.";
    }
}
