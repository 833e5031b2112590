package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.render.Header;

/** Reopen (on a resolved incident's header): {@code /incident status investigating}, a reopen timeline entry. */
final class ReopenButton extends DirectButton {
    ReopenButton(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String actionId() {
        return Header.REOPEN;
    }

    @Override
    String run(Incident incident, String userId) {
        incidents.setStatus(incident.channelId(), Status.INVESTIGATING, userId);
        return "Incident " + incident.number() + " is open again (investigating).";
    }
}
