package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.slack.http.ErrorMiddleware;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.slack.render.Names;

import java.util.Map;

/**
 * The Severity modal: {@code /incident sev <sev>}, and the reason (if any) as {@code /incident note}
 * ({@code Severity SEV2 because: ...}; with a process file that renames it, {@code Severity SEV2 Major because: ...}, the
 * code first so an export imports back).
 */
final class SeveritySubmission extends IncidentSubmission {
    private final Names names;

    /** @param names what the process file calls severities (issue 25), in the note and the "already" refusal */
    SeveritySubmission(IncidentService incidents, Names names) {
        super(incidents);
        this.names = names;
    }

    @Override
    String refusal(IncidentException e) {
        return ErrorMiddleware.words(e, names);
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
            incidents.note(incident.channelId(), "Severity " + names.severityText(severity) + " because: " + reason, userId);
        }
        return Map.of();
    }
}
