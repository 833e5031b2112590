package io.incidentbot.incident;

import java.time.Instant;

/**
 * Someone who joined or wrote in the incident channel.
 *
 * @param incident incident number
 * @param userId   Slack user ID
 * @param joinedAt first time seen in the channel
 */
public record Participant(long incident, String userId, Instant joinedAt) {
}
