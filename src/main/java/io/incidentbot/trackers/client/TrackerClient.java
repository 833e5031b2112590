package io.incidentbot.trackers.client;

/**
 * One issue tracker, as the follow-up jobs use it. Every method makes its HTTP calls synchronously (the
 * outbox worker calls it off the Slack path) and throws {@link TrackerException} for any failure.
 */
public interface TrackerClient {
    /** @return {@code github}, {@code jira} or {@code gitlab} */
    String provider();

    /**
     * Creates an issue for a follow-up.
     *
     * @return the created issue's key and web URL
     * @throws TrackerException when the tracker refuses or cannot be reached
     */
    TrackerIssue create(IssueDraft draft);

    /**
     * Looks for an issue an earlier attempt of {@link #create} made although its answer was lost (a timeout after
     * the tracker acted): an issue among the tracker's most recent ones whose body holds {@link IssueDraft#marker()}
     * (GitHub, GitLab), or the issue with the follow-up's {@link IssueDraft#label()} (Jira).
     *
     * @return the issue, or empty when there is none or this tracker cannot tell
     * @throws TrackerException when the tracker refuses or cannot be reached
     */
    default java.util.Optional<TrackerIssue> findCreated(IssueDraft draft) {
        return java.util.Optional.empty();
    }

    /**
     * How long after a create the tracker's {@link #findCreated} may still miss the issue it made: a retry after an
     * attempt whose answer was lost creates only once this much time has passed since that attempt, searching again
     * then. Zero for a tracker whose search is up to date at once.
     *
     * @return the delay, never negative
     */
    default java.time.Duration searchLag() {
        return java.time.Duration.ZERO;
    }

    /**
     * Closes an issue the bot created, after adding {@code comment}.
     *
     * @param key       the key {@link #create} returned
     * @param completed true for done, false for won't do (GitHub {@code state_reason} {@code not_planned}; Jira a
     *                  transition named "Won't Do" when there is one)
     * @param comment   plain text: who closed the follow-up in Slack and when
     * @throws TrackerException when the tracker refuses or cannot be reached
     */
    void close(String key, boolean completed, String comment);

    /**
     * Reopens an issue the bot created, after adding {@code comment}.
     *
     * @throws TrackerException when the tracker refuses or cannot be reached
     */
    void reopen(String key, String comment);
}
