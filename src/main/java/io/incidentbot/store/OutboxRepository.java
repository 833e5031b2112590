package io.incidentbot.store;

import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.OutboxJob.Kind;

import java.time.Instant;
import java.util.List;

/** The durable queue of Web API work. */
public interface OutboxRepository {

    /**
     * Records a job, ready at {@code at}.
     *
     * @param incident ordering key: jobs of one incident are delivered in the order recorded
     * @param payload  JSON object text
     * @return the job's ID
     */
    long enqueue(long incident, Kind kind, String payload, Instant at);

    /**
     * @param now the current time
     * @param limit most jobs to return
     * @return for each incident, its oldest pending job when that job is due by {@code now}
     */
    List<OutboxJob> dueHeads(Instant now, int limit);

    /**
     * Claims due head jobs for {@code holder} until {@code leaseUntil}: a job is claimable when it is
     * pending, due by {@code now}, not leased (or its lease expired before {@code now}: its holder died)
     * and no earlier job of its incident is pending (so one incident's jobs stay in order across
     * replicas, and none is claimable while an earlier one is leased). On PostgreSQL the rows are locked
     * with {@code FOR UPDATE SKIP LOCKED}, so two replicas claiming at once never take the same job.
     *
     * @param limit most jobs to claim
     * @return the claimed jobs, oldest due first
     */
    default List<OutboxJob> claim(Instant now, String holder, Instant leaseUntil, int limit) {
        return claim(now, now, holder, leaseUntil, limit);
    }

    /**
     * As {@link #claim(Instant, String, Instant, int)}, taking jobs due by {@code dueBy} (later than
     * {@code now} for the outage probe, which tries a job still waiting out its backoff); leases are
     * still judged expired against {@code now}.
     */
    List<OutboxJob> claim(Instant now, Instant dueBy, String holder, Instant leaseUntil, int limit);

    /** Extends every lease {@code holder} holds on a pending job to {@code leaseUntil}. */
    void renewLeases(String holder, Instant leaseUntil);

    /** Gives up {@code holder}'s leases on pending jobs (shutdown), so another replica takes them at once. */
    void releaseLeases(String holder);

    /**
     * Counts an attempt before it is made, so that after a crash or a lost answer the next attempt
     * knows an earlier one may have reached Slack.
     */
    void startAttempt(long id);

    /** Marks a job delivered (and ends its lease). */
    void markDone(long id, Instant at);

    /** Schedules another attempt, records the error that caused it and ends the job's lease. */
    void retryAt(long id, Instant next, String error);

    /**
     * Schedules another attempt after a backoff of the worker's own (no {@code Retry-After} from Slack),
     * so that {@link #expediteBackoffs} may bring it forward once Slack answers again.
     */
    void backOffUntil(long id, Instant next, String error);

    /**
     * Brings every pending job that waits out a backoff of the worker's own ({@link #backOffUntil}) forward
     * to {@code now}; jobs waiting for a {@code Retry-After} Slack asked for keep their time.
     *
     * @return how many jobs were brought forward
     */
    int expediteBackoffs(Instant now);

    /**
     * Deletes up to {@code limit} finished jobs of each kind: delivered ones finished before
     * {@code doneBefore}, failed ones finished before {@code failedBefore}. Pending jobs are never deleted.
     *
     * @return how many rows were deleted
     */
    int pruneFinished(Instant doneBefore, Instant failedBefore, int limit);

    /**
     * @param incident incident number
     * @param what     what was set, e.g. {@code topic}, {@code header}
     * @return the text the bot last set in Slack for it, if any
     */
    java.util.Optional<String> lastSent(long incident, String what);

    /** Remembers the text the bot set in Slack (see {@link #lastSent}). */
    void rememberSent(long incident, String what, String text);

    /**
     * Deletes the never-attempted pending jobs of {@code kind} of an incident except the newest (coalescing).
     *
     * @return how many were deleted
     */
    int dropOlderPending(long incident, Kind kind);

    /** Marks a job failed for good; later jobs of the incident proceed. */
    void markFailed(long id, Instant at, String error);

    /** @return jobs that failed for good, newest first */
    List<FailedJob> failed(int limit);

    /** @return jobs failed for good for one incident */
    List<FailedJob> failed(long incident);

    /** @return how many jobs wait for delivery */
    long pendingCount();

    /** @return how many jobs of each kind wait for delivery; kinds with none are absent */
    java.util.Map<Kind, Long> pendingByKind();

    /**
     * A job that failed for good.
     *
     * @param id       job ID
     * @param incident incident number
     * @param kind     the job's kind
     * @param error    Slack's error code or the exception's message
     * @param failedAt when it was given up
     */
    record FailedJob(long id, long incident, Kind kind, String error, Instant failedAt) {
    }
}
