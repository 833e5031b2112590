package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;

/** The Post update modal: what {@code /incident update <text>} does. */
final class UpdateSubmission extends IncidentSubmission {
    UpdateSubmission(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String callbackId() {
        return Modals.UPDATE;
    }

    @Override
    String errorBlock() {
        return Modals.TEXT;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        String text = values.text(Modals.TEXT);
        if (text == null) {
            return Map.of(Modals.TEXT, "Write the update.");
        }
        incidents.statusUpdate(incident.channelId(), text, userId);
        return Map.of();
    }
}
