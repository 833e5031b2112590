package io.incidentbot.trackers.seen;

import io.incidentbot.incident.Severity;
import io.incidentbot.trackers.FollowUpRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An earlier incident as "seen before" compares and shows it.
 *
 * @param number          incident number
 * @param title           title
 * @param summary         resolution summary (or the declare summary), may be null
 * @param severity        severity
 * @param declaredAt      when it was declared
 * @param resolvedAt      when it was resolved, null while open
 * @param privateIncident true for a private incident
 * @param members         Slack user IDs who may see it (its channel's members / participants); only read for a
 *                        private incident
 * @param alertGroups     alert group keys (Alertmanager {@code groupKey}) linked to it
 * @param alerts          alert name and service of its alerts, as {@code alertname|service}
 * @param services        services changed in the window before it (change records' service)
 * @param postmortemUrl   link to its postmortem draft, or null
 * @param openFollowUps   its follow-ups still open, with their tracker links
 * @param channelId       Slack channel ID of its incident channel, or null (never created)
 */
public record PastIncident(long number, String title, String summary, Severity severity, Instant declaredAt, Instant resolvedAt,
                           boolean privateIncident, Set<String> members, Set<String> alertGroups, Set<String> alerts,
                           Set<String> services, String postmortemUrl, List<FollowUpRecord> openFollowUps, String channelId) {

    /** A past incident whose channel is not known (comparisons and figures need none). */
    public PastIncident(long number, String title, String summary, Severity severity, Instant declaredAt, Instant resolvedAt,
                        boolean privateIncident, Set<String> members, Set<String> alertGroups, Set<String> alerts,
                        Set<String> services, String postmortemUrl, List<FollowUpRecord> openFollowUps) {
        this(number, title, summary, severity, declaredAt, resolvedAt, privateIncident, members, alertGroups, alerts, services,
                postmortemUrl, openFollowUps, null);
    }

    /** @return time to resolve, or null while open */
    public Duration timeToResolve() {
        return resolvedAt == null ? null : Duration.between(declaredAt, resolvedAt);
    }
}
