package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.render.Modals;

import java.util.Map;
import io.incidentbot.incident.Severity;

/** The Severity modal: {@code /incident sev <sev>}, and the reason (if any) as {@code /incident note}. */
final class SeveritySubmission extends IncidentSubmission {
    SeveritySubmission(IncidentService incidents) {
        super(incidents);
    }

    @Override
    String callbackId() {
        return Modals.SEVERITY;
    }

    @Override
    String errorBlock() {
        return Modals.SEVERITY_SELECT;
    }

    @Override
    Map<String, String> apply(Incident incident, Values values, String userId) {
        Severity severity = Severity.parse(values.selected(Modals.SEVERITY_SELECT)).orElse(null);
        if (severity == null) {
            return Map.of(Modals.SEVERITY_SELECT, "Pick a severity from SEV1 to SEV4.");
        }
        incidents.setSeverity(incident.channelId(), severity, userId);
        String reason = values.text(Modals.REASON);
        if (reason != null) {
            incidents.note(incident.channelId(), "Severity " + severity.name() + " because: " + reason, userId);
        }
        return Map.of();
    }
}
