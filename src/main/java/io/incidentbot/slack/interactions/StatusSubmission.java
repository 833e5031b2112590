package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;
import io.incidentbot.incident.Status;

/**
 * The Status modal: sets the status as {@code /incident status <status>} does and, with text, posts it
 * as {@code /incident update <text>} does, both in one use case (one channel message for both).
 */
final class StatusSubmission extends IncidentSubmission {
    StatusSubmission(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String callbackId() {
        return Modals.STATUS;
    }

    @Override
    String errorBlock() {
        return Modals.STATUS_SELECT;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        Status status = Status.parse(values.selected(Modals.STATUS_SELECT)).orElse(null);
        String text = values.text(Modals.TEXT);
        if (status == null) {
            return Map.of(Modals.STATUS_SELECT, "Pick a status.");
        }
        if (status == incident.status() && text == null) {
            return Map.of(Modals.STATUS_SELECT, "Incident " + incident.number() + " is already " + status.label()
                    + ". Pick another status or write an update.");
        }
        incidents.setStatus(incident.channelId(), status, text, userId);
        return Map.of();
    }
}
