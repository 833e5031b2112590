package io.incidentbot.trackers;

import java.time.Instant;

/**
 * One close or reopen of a follow-up, as recorded always (also after the incident is resolved).
 *
 * @param state  the state it moved to
 * @param by     Slack user ID, or {@code github:login} / {@code jira:accountId} / {@code gitlab:username}
 * @param at     when (for a change made in the tracker, the tracker's time of it)
 * @param source {@code slack} or {@code tracker}
 */
public record FollowUpStateChange(FollowUpState state, String by, Instant at, String source) {
}
