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
 * @param type         its type from the team's process file (issue 25), or null when declared without one
 * @param impactStartedAt when impact started (a stored correction, else the earliest start of its alerts), or null
 */
public record IncidentTimes(long number, String title, Severity severity, boolean privateIncident, Instant declaredAt,
                            Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt, String type,
                            Instant impactStartedAt) {
    public IncidentTimes {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** An incident without a type and without a known impact start. */
    public IncidentTimes(long number, String title, Severity severity, boolean privateIncident, Instant declaredAt,
                         Instant identifiedAt, Instant mitigatedAt, Instant resolvedAt) {
        this(number, title, severity, privateIncident, declaredAt, identifiedAt, mitigatedAt, resolvedAt, null, null);
    }

    /**
     * Time to detect (issue 25): from impact started to declared.
     *
     * @return that time, or null when impact started is unknown or after the declaration
     */
    public Duration timeToDetect() {
        return impactStartedAt == null || impactStartedAt.isAfter(declaredAt) ? null
                : Duration.between(impactStartedAt, declaredAt);
    }

    /**
     * When the incident was mitigated as a step of its own. Resolving an incident whose status never reached
     * {@code monitoring} stores the resolve time as its mitigated time too; that is not a separate mitigation,
     * and showing it (or counting it as time to mitigate) would say the incident was mitigated when it was
     * resolved.
     *
     * @param mitigatedAt the stored mitigated time, may be null
     * @param resolvedAt  the stored resolved time, may be null
     * @return {@code mitigatedAt}, or null when it is null or the same instant as {@code resolvedAt}
     */
    public static Instant mitigatedSeparately(Instant mitigatedAt, Instant resolvedAt) {
        return mitigatedAt != null && mitigatedAt.equals(resolvedAt) ? null : mitigatedAt;
    }

    /** @return {@link #mitigatedSeparately} of this incident */
    public Instant mitigatedSeparately() {
        return mitigatedSeparately(mitigatedAt, resolvedAt);
    }

    /** @return time from declared to {@code at}, or null when {@code at} is null or before the declaration */
    Duration since(Instant at) {
        return at == null || at.isBefore(declaredAt) ? null : Duration.between(declaredAt, at);
    }
}
