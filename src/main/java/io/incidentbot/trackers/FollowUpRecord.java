package io.incidentbot.trackers;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up with everything issue 22 adds to it.
 *
 * @param id        database ID
 * @param incident  incident number
 * @param text      what is to be done
 * @param ownerId   Slack user ID of the owner, or null
 * @param createdBy Slack user ID of who recorded it
 * @param createdAt when it was recorded
 * @param due       due date (a calendar day), or null
 * @param priority  1..3 (p1 most urgent), or null
 * @param state     open, done or wont_do
 * @param closedAt  when it was last closed, null while open
 * @param closedBy  who closed it (Slack user ID, or {@code github:login} / {@code jira:accountId} /
 *                  {@code gitlab:username} when it was closed in the tracker), null while open
 * @param source    where the last state change came from: {@code slack} or {@code tracker}; null before any
 * @param link      the tracker issue, or null when none was asked for
 */
public record FollowUpRecord(long id, long incident, String text, String ownerId, String createdBy, Instant createdAt,
                             LocalDate due, Integer priority, FollowUpState state, Instant closedAt, String closedBy,
                             String source, TrackerLink link) {

    /**
     * @param today the calendar day now, in the zone due dates are read in
     * @return true when open and past its due date
     */
    public boolean overdue(LocalDate today) {
        return state == FollowUpState.OPEN && due != null && due.isBefore(today);
    }
}
