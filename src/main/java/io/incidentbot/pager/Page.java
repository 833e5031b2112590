package io.incidentbot.pager;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident's page through one pager, as stored.
 *
 * @param incident            incident number
 * @param pager               the pager
 * @param dedupKey            {@code incident-bot-<n>}
 * @param state               triggered, acknowledged or resolved
 * @param firstPagedAt        when it was first paged
 * @param pagedAt             when it was last (re)triggered
 * @param pagedBy             Slack user ID of who paged last, null when the severity rule paged
 * @param externalId          the pager's own ID, or null
 * @param firstAcknowledgedAt the first acknowledgement's time, or null
 * @param acknowledgedAt      the latest acknowledgement's time, or null
 * @param acknowledgedBy      Slack user ID (or the pager's name for the person) of the latest acknowledgement, or null
 * @param resolvedAt          when it was resolved, null while open
 * @param error               the pager's error when it refused the last call for good, else null
 */
public record Page(long incident, PagerKind pager, String dedupKey, State state, Instant firstPagedAt, Instant pagedAt,
                   String pagedBy, String externalId, Instant firstAcknowledgedAt, Instant acknowledgedAt,
                   String acknowledgedBy, Instant resolvedAt, String error) {

    /** States of a page. */
    public enum State {
        TRIGGERED, ACKNOWLEDGED, RESOLVED;

        /** @return the stored form, e.g. {@code triggered} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return true while triggered or acknowledged */
    public boolean open() {
        return state != State.RESOLVED;
    }

    /** @return first page to first acknowledgement, or null when never acknowledged */
    public Duration timeToAcknowledge() {
        return firstAcknowledgedAt == null ? null : Duration.between(firstPagedAt, firstAcknowledgedAt);
    }
}
