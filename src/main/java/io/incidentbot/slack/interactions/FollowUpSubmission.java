package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;

/** The Add follow-up modal: what {@code /incident action <text> [@owner]} does. */
final class FollowUpSubmission extends IncidentSubmission {
    FollowUpSubmission(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String callbackId() {
        return Modals.FOLLOW_UP;
    }

    @Override
    String errorBlock() {
        return Modals.TEXT;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        String text = values.text(Modals.TEXT);
        if (text == null) {
            return Map.of(Modals.TEXT, "Describe the follow-up.");
        }
        incidents.followUp(incident.channelId(), text, values.user(Modals.OWNER), userId);
        return Map.of();
    }
}
