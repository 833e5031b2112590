package io.incidentbot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes bookkeeping rows that can no longer matter, so the database does not grow with every event:
 * <ul>
 *   <li>processed Events API {@code event_id}s after {@link #PROCESSED_EVENTS} (Slack's redeliveries of an
 *       event end within about an hour);</li>
 *   <li>pending changes (an edit, deletion or key-event mark whose message never arrived) after
 *       {@link #PENDING_CHANGES};</li>
 *   <li>delivered outbox jobs after {@link #DONE_JOBS}, failed ones after {@link #FAILED_JOBS} (they are
 *       shown by {@code /healthz} and {@code /incident list} until then).</li>
 * </ul>
 * Incidents, timeline entries, follow-ups and participants are never pruned. Each call deletes in batches
 * of {@link #BATCH} rows, one short write transaction per batch, so acks never wait long behind it; it is
 * idempotent (running it twice, or on two replicas, deletes nothing more). The batches are background
 * transactions ({@link Storage#background}): a batch slower than a request's statement limit (a large table on
 * a busy server) is not cut by it.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** How long a processed {@code event_id} is remembered. */
    public static final Duration PROCESSED_EVENTS = Duration.ofHours(24);
    /** How long a change waits for its message. */
    public static final Duration PENDING_CHANGES = Duration.ofDays(7);
    /** How long a delivered outbox job is kept. */
    public static final Duration DONE_JOBS = Duration.ofDays(7);
    /** How long a failed outbox job is kept. */
    public static final Duration FAILED_JOBS = Duration.ofDays(30);
    /** How often the bot prunes (and 1 minute after start). */
    public static final Duration INTERVAL = Duration.ofHours(1);
    /** Rows deleted per transaction. */
    static final int BATCH = 1_000;

    private final Storage storage;
    private final Clock clock;

    /** @param storage the bot's database; @param clock time source */
    public Retention(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Prunes everything that is older than its retention by the clock's now.
     *
     * @return rows deleted
     */
    public int prune() {
        Instant now = clock.instant();
        int deleted = batches(r -> r.events().pruneProcessed(now.minus(PROCESSED_EVENTS), BATCH))
                + batches(r -> r.events().prunePending(now.minus(PENDING_CHANGES), BATCH))
                + batches(r -> r.outbox().pruneFinished(now.minus(DONE_JOBS), now.minus(FAILED_JOBS), BATCH));
        if (deleted > 0) {
            log.info("pruned {} bookkeeping row(s) past their retention", deleted);
        }
        return deleted;
    }

    /** {@link #prune()} for a scheduler: logs a failure instead of throwing (which would stop the schedule). */
    public void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("pruning failed; trying again in {}: {}", INTERVAL, e.toString());
        }
    }

    private int batches(Storage.Work<Integer> batch) {
        int total = 0;
        int n;
        do {
            n = storage.background(batch);
            total += n;
        } while (n >= BATCH);
        return total;
    }
}
