package io.incidentbot.trackers.hooks;

import io.incidentbot.trackers.FollowUpState;

/**
 * A tracker issue's state as a webhook reports it.
 *
 * @param provider {@code github}, {@code jira} or {@code gitlab}
 * @param key      the issue key, spelled as {@link io.incidentbot.trackers.client.TrackerIssue#key} spells it
 * @param state    the state the follow-up takes: done, wont_do, or open (reopened)
 * @param actor    who changed it, as {@code <provider>:<login or account ID>}
 * @param at       when the tracker says it changed (GitHub {@code issue.updated_at}, Jira {@code timestamp},
 *                 GitLab {@code object_attributes.updated_at}), or null when the payload has no readable time
 */
public record TrackerEvent(String provider, String key, FollowUpState state, String actor, java.time.Instant at) {
}
