package io.incidentbot.store;

import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Follow-ups as records and their tracker issues (issue 22), on the tables {@code follow_up} and
 * {@code follow_up_export}. Every state change is a conditional update that says whether it changed
 * anything, so double clicks, redelivered webhooks and racing replicas apply a change once.
 */
public interface TrackerRepository {
    /** @return the follow-up with its plan, state and tracker link */
    Optional<FollowUpRecord> find(long followUp);

    /** @return the incident's follow-ups in the order recorded */
    List<FollowUpRecord> list(long incident);

    /** @return open follow-ups of any incident, soonest due first (no due date last), then oldest; at most {@code limit} */
    List<FollowUpRecord> open(int limit);

    /** @return the open follow-ups {@code owner} owns, soonest due first (no due date last), then oldest */
    List<FollowUpRecord> openOwnedBy(String owner);

    /**
     * @param today        the calendar day now: a follow-up is overdue when due before it
     * @param remindBefore only those never reminded, or last reminded at or before this instant
     * @param limit        at most this many
     * @return open overdue follow-ups with an owner that are due a reminder, oldest due first
     */
    List<FollowUpRecord> dueForReminder(LocalDate today, Instant remindBefore, int limit);

    /**
     * Marks a reminder sent, only if nobody else did since {@code remindBefore} (several replicas remind once).
     *
     * @return true when this caller marked it
     */
    boolean reminded(long followUp, Instant remindBefore, Instant at);

    /** Sets the due date and priority (either may be null). */
    void plan(long followUp, LocalDate due, Integer priority);

    /**
     * Moves a follow-up to {@code state} and adds the change to its {@link #history}.
     *
     * @param by     Slack user ID, or {@code <provider>:<name>} for a change made in the tracker
     * @param at     when: now for a change made in Slack, the tracker's own time of the change for a tracker's
     * @param source {@code slack} or {@code tracker}
     * @return false when it already was in that state, or when a tracker's change is older than the last change
     *         made in Slack (a stale close arriving after a reopen): nothing changes
     */
    boolean changeState(long followUp, FollowUpState state, String by, Instant at, String source);

    /**
     * Records that a create of the follow-up's tracker issue is about to be sent (before the call, so an attempt whose
     * answer is lost is known).
     *
     * @param at when
     */
    void createAttempted(long followUp, Instant at);

    /** @return when the last create of the follow-up's tracker issue was sent, empty when never */
    Optional<Instant> createAttemptedAt(long followUp);

    /** @return every close and reopen of the follow-up, oldest first */
    List<io.incidentbot.trackers.FollowUpStateChange> history(long followUp);

    /**
     * Asks for a tracker issue: the first caller for a follow-up gets true and queues the create job; any later
     * caller (a second click, another replica) gets false.
     */
    boolean claimExport(long followUp, String provider, String by, Instant at);

    /** Records the created issue (pending to created). @return false when the export was not pending */
    boolean exported(long followUp, String key, String url, Instant at);

    /** Records a refusal for good (pending to failed) with the tracker's error. @return false when not pending */
    boolean exportFailed(long followUp, String error, Instant at);

    /** Offers a failed export again (failed to pending). @return true when this caller reopened it */
    boolean retryExport(long followUp, String by, Instant at);

    /** @return the follow-up whose created issue has this key in this tracker */
    Optional<FollowUpRecord> byIssue(String provider, String key);

    /**
     * Notes a tracker webhook delivery.
     *
     * @return true the first time this delivery ID is seen for this tracker, false for a redelivery
     */
    boolean firstDelivery(String provider, String delivery, Instant at);

    /**
     * @return the keys of the alert groups whose alerts were recorded for this incident, or that are linked to it
     *         now (a group keeps one link, to its latest incident; its transitions keep each incident's)
     */
    java.util.Set<String> alertGroupKeys(long incident);
}
