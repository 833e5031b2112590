package io.incidentbot.insights;

import io.incidentbot.incident.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One incident's stored milestones, what the insights are computed from (never from when a row was
 * last changed).
 *
 * @param number       incident number
 * @param title        title
 * @param severity     current severity
 * @param privateIncident true for a private incident: counted, never named
 * @param declaredAt   when it was declared
 * @param identifiedAt first {@code identified} (or later) status, may be null
 * @param mitigatedAt  first {@code monitoring} (or later) status, may be null
 * @param resolvedAt   when it was resolved, null while open
 */
public record IncidentTimes(long number, String title, Severity severity, boolean privateIncident, Instant declaredAt,
                            Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt) {
    public IncidentTimes {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** @return time from declared to {@code at}, or null when {@code at} is null or before the declaration */
    Duration since(Instant at) {
        return at == null || at.isBefore(declaredAt) ? null : Duration.between(declaredAt, at);
    }
}
