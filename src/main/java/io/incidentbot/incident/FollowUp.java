package io.incidentbot.incident;

import java.time.Instant;

/**
 * A follow-up (action item) recorded with {@code /incident action}.
 *
 * @param id        database ID
 * @param incident  incident number
 * @param text      what is to be done
 * @param ownerId   Slack user ID of the owner, null when nobody was named
 * @param createdBy Slack user ID of who recorded it
 * @param createdAt when it was recorded
 */
public record FollowUp(long id, long incident, String text, String ownerId, String createdBy, Instant createdAt) {
}
