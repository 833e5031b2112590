package io.incidentbot.store;

import io.incidentbot.outbox.OutboxJob;

import java.time.Instant;
import java.util.List;

/**
 * The durable queue of outside work. Each job belongs to a subscriber ({@code slack}, {@code pager}, ...) and
 * to an ordering lane, (incident, subscriber): the jobs of one lane are delivered in the order recorded,
 * one at a time, and lanes never wait for each other (a pager outage never holds an incident's Slack
 * posts back, nor the reverse).
 */
public interface OutboxRepository {

    /**
     * Records a job, ready at {@code at}.
     *
     * @param incident    with {@code subscriber}, the ordering lane: its jobs are delivered in the order recorded
     * @param subscriber  who delivers it, e.g. {@code slack}
     * @param kind        what to do, a name the subscriber owns
     * @param payloadJson JSON object text ({@link io.incidentbot.outbox.Payloads#write})
     * @return the job's ID
     */
    long enqueue(long incident, String subscriber, String kind, String payloadJson, Instant at);

    /**
     * @param now the current time
     * @param limit most jobs to return
     * @return for each lane (incident, subscriber), its oldest pending job when that job is due by {@code now}
     */
    List<OutboxJob> dueHeads(Instant now, int limit);

    /**
     * Claims due head jobs for {@code holder} until {@code leaseUntil}: a job is claimable when it is
     * pending, due by {@code now}, not leased (or its lease expired before {@code now}: its holder died)
     * and no earlier job of its lane (incident, subscriber) is pending (so one lane's jobs stay in order
     * across replicas, and none is claimable while an earlier one is leased). On PostgreSQL the rows are locked
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
     * Deletes the never-attempted pending jobs of {@code subscriber}'s {@code kind} of an incident except the
     * newest (coalescing).
     *
     * @return how many were deleted
     */
    int dropOlderPending(long incident, String subscriber, String kind);

    /** Marks a job failed for good; later jobs of the incident proceed. */
    void markFailed(long id, Instant at, String error);

    /** @return jobs that failed for good, newest first */
    List<FailedJob> failed(int limit);

    /** @return jobs failed for good for one incident */
    List<FailedJob> failed(long incident);

    /** @return how many jobs wait for delivery */
    long pendingCount();

    /** @return true when a job of {@code type} for {@code incident} waits for delivery (due or not, leased or not) */
    boolean anyPending(long incident, JobType type);

    /** @return how many jobs of each (subscriber, kind) wait for delivery; kinds with none are absent */
    java.util.Map<JobType, Long> pendingByKind();

    /**
     * A kind of job of one subscriber.
     *
     * @param subscriber e.g. {@code slack}
     * @param kind       e.g. {@code POST_CHANNEL}
     */
    record JobType(String subscriber, String kind) {
    }

    /**
     * A job that failed for good.
     *
     * @param id       job ID
     * @param incident   incident number
     * @param subscriber who owned it, e.g. {@code slack}
     * @param kind       the job's kind
     * @param error      the outside service's error code or the exception's message
     * @param failedAt   when it was given up
     */
    record FailedJob(long id, long incident, String subscriber, String kind, String error, Instant failedAt) {
    }
}
