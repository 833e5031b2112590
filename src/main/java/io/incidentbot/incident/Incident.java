package io.incidentbot.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An incident as stored.
 *
 * @param number            sequential incident number, starting at 1
 * @param title             the title the declarer gave
 * @param severity          current severity
 * @param status            current status
 * @param privateIncident   true when the incident has a private channel and is never announced
 * @param summary           the declarer's summary, may be null
 * @param channelId         Slack channel ID ({@code C...}), null until the channel is created
 * @param channelName       Slack channel name, null until the channel is created
 * @param headerTs          Slack {@code ts} of the header message, null until posted
 * @param declaredBy        Slack user ID of the declarer
 * @param declaredAt        when the incident was declared
 * @param identifiedAt      first time the status became {@code identified} (or later), may be null
 * @param mitigatedAt       first time the status became {@code monitoring} (or later), may be null
 * @param resolvedAt        when the status became {@code resolved}, null while open
 * @param resolutionSummary the text given with {@code resolve}, may be null
 * @param roles             current role holders, role to Slack user ID
 */
public record Incident(
        long number,
        String title,
        Severity severity,
        Status status,
        boolean privateIncident,
        String summary,
        String channelId,
        String channelName,
        String headerTs,
        String declaredBy,
        Instant declaredAt,
        Instant identifiedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        String resolutionSummary,
        Map<Role, String> roles) {

    public Incident {
        roles = Map.copyOf(roles);
    }

    /** @return the lead's Slack user ID, if a lead is assigned */
    public Optional<String> lead() {
        return Optional.ofNullable(roles.get(Role.LEAD));
    }

    /** @return true while the status is not {@code resolved} */
    public boolean isOpen() {
        return status != Status.RESOLVED;
    }

    /**
     * @param now the current time
     * @return time since declaration: to {@code resolvedAt} when resolved, else to {@code now}
     */
    public Duration age(Instant now) {
        return Duration.between(declaredAt, resolvedAt != null ? resolvedAt : now);
    }
}
