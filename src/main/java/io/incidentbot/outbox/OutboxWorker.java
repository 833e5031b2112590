package io.incidentbot.outbox;

import io.incidentbot.retry.Backoff;
import io.incidentbot.store.Storage;
import io.incidentbot.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers outbox jobs: for each incident its oldest pending job, one at a time per incident (so
 * calls for one channel keep their order), several incidents in parallel. Jobs are claimed with a
 * lease in the database ({@link io.incidentbot.store.OutboxRepository#claim}), never by in-memory
 * bookkeeping, so several replicas on one database share the work without delivering a job twice; a
 * live worker renews its leases every poll, and the jobs of a worker that died (kill -9) are claimed
 * by another once their lease expires. Retries honour
 * {@code Retry-After}; other failures back off exponentially with jitter; a job still failing
 * after {@link Policy#giveUpAfter} is marked failed. A job this release has no route for (a newer replica
 * queued it during a rolling upgrade) is given back uncounted for a replica that knows it
 * ({@link JobHandler#knows}); the decisions after a claim are {@link DeliveryOutcomes}'.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    /**
     * Retry policy.
     *
     * @param firstBackoff wait after the first failure; doubles per attempt
     * @param maxBackoff   longest wait between attempts
     * @param giveUpAfter  a job older than this (since it was recorded) that fails again is marked failed
     * @param pollInterval how often the worker looks for due jobs when nobody wakes it
     */
    public record Policy(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter, Duration pollInterval) {
        /** Production defaults: 1 s doubling to 5 min, give up after 1 h, poll every second. */
        public static Policy defaults() {
            return new Policy(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(1));
        }
    }

    /** Longest pause of deliveries while the database cannot be written. */
    public static final Duration STORAGE_MAX_PAUSE = Duration.ofSeconds(30);
    /** During a Web API outage, the longest time without any attempt: one job is tried this often. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    private static final Duration PROBE_HORIZON = Duration.ofDays(3650);

    private final Storage storage;
    private final JobHandler handler;
    private final Clock clock;
    private final ExecutorService executor;
    private final Policy policy;
    private final DeliveryOutcomes outcomes;
    private final String holder;
    private final Duration lease;
    private final int parallel;
    private final AtomicInteger delivering = new AtomicInteger();
    private volatile Instant renewedAt = Instant.MIN;
    private final Backoff storageBackoff;
    private final Object storageState = new Object();
    private Instant storageFailingSince;
    private String storageError;
    private int storageFailures;
    private volatile Instant pausedUntil;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private Thread loop;

    /**
     * @param executor runs deliveries; its size bounds how many incidents are served at once
     */
    public OutboxWorker(Storage storage, JobHandler handler, Clock clock, ExecutorService executor, Policy policy) {
        this(storage, handler, clock, executor, policy, io.incidentbot.store.Leader.newHolderId(), Duration.ofSeconds(30));
    }

    /**
     * @param executor runs deliveries; its size bounds how many jobs this replica claims at once
     * @param holder   this replica's ID, written into the leases it takes
     * @param lease    how long a claimed job stays with this replica without a renewal
     */
    public OutboxWorker(Storage storage, JobHandler handler, Clock clock, ExecutorService executor, Policy policy,
                        String holder, Duration lease) {
        this.holder = holder;
        this.lease = lease;
        this.parallel = executor instanceof ThreadPoolExecutor pool ? pool.getMaximumPoolSize() : 16;
        this.storage = storage;
        this.handler = handler;
        this.clock = clock;
        this.executor = executor;
        this.policy = policy;
        this.outcomes = new DeliveryOutcomes(storage, handler, clock, policy);
        Duration maxPause = policy.maxBackoff().compareTo(STORAGE_MAX_PAUSE) < 0 ? policy.maxBackoff() : STORAGE_MAX_PAUSE;
        this.storageBackoff = new Backoff(policy.firstBackoff().compareTo(maxPause) < 0 ? policy.firstBackoff() : maxPause,
                maxPause);
    }

    /**
     * @return why deliveries are paused (the database cannot be written, since when and the error), or
     *         empty while the worker can record its work
     */
    public Optional<String> problem() {
        synchronized (storageState) {
            return storageFailingSince == null ? Optional.empty()
                    : Optional.of("outbox cannot write to the database since " + storageFailingSince + ": " + storageError);
        }
    }

    /** @return true while the dispatch thread runs (it survives database and handler failures) */
    public boolean alive() {
        Thread t = loop;
        return t != null && t.isAlive();
    }

    /** Starts the dispatch loop in a daemon thread; pending jobs from before a restart are delivered. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::dispatchLoop, "outbox-dispatch");
        loop.setDaemon(true);
        loop.start();
    }

    /** Asks the loop to look for due jobs now (call after committing a job). */
    public void wakeup() {
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return true when jobs are being delivered right now */
    public boolean busy() {
        return delivering.get() > 0;
    }

    private void dispatchLoop() {
        while (running) {
            try {
                dispatchDue();
                awaitWake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // dispatchDue handles database failures itself; this is a bug, not an outage
                log.error("outbox dispatch failed; retrying in {}", policy.pollInterval(), e);
                sleepQuietly(policy.pollInterval());
            }
        }
    }

    private void awaitWake() throws InterruptedException {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                wake.await(policy.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Renews this replica's leases when a third of the lease has passed, then claims due head jobs (the
     * oldest pending job of each incident, due by the clock's now, not leased by a live replica) up to
     * the executor's free threads and hands them to the executor. During a Web API outage (a job is
     * backing off) and with nothing due, one waiting job is claimed every {@link #PROBE_INTERVAL} as a
     * probe, so the queue drains soon after Slack answers again. While the database cannot be written,
     * nothing is claimed until the storage backoff has passed. With a same-thread executor the jobs are
     * delivered and their outcomes recorded before it returns (how the unit tests drive the worker).
     */
    public void dispatchDue() {
        Instant now = clock.instant();
        Instant paused = pausedUntil;
        if (paused != null && now.isBefore(paused)) {
            return;
        }
        List<OutboxJob> claimed;
        try {
            if (delivering.get() > 0 && Duration.between(renewedAt, now).compareTo(lease.dividedBy(3)) >= 0) {
                storage.run(r -> r.outbox().renewLeases(holder, now.plus(lease)));
                renewedAt = now;
            }
            int free = parallel - delivering.get();
            if (free <= 0) {
                return;
            }
            claimed = storage.transaction(r -> r.outbox().claim(now, now, holder, now.plus(lease), free));
            if (claimed.isEmpty() && outcomes.probeDue(now)) {
                claimed = storage.transaction(r -> r.outbox().claim(now, now.plus(PROBE_HORIZON), holder,
                        now.plus(lease), 1));
            }
        } catch (RuntimeException e) {
            storageFailed(e);
            return;
        }
        for (OutboxJob job : claimed) {
            delivering.incrementAndGet();
            try {
                executor.execute(() -> deliver(job));
            } catch (RuntimeException rejected) {
                delivering.decrementAndGet();
                // Shutting down: the unstarted claims go back to the other replicas at once.
                releaseLeases();
                return;
            }
        }
    }

    /** @return this replica's lease holder ID */
    public String holder() {
        return holder;
    }

    private void deliver(OutboxJob job) {
        MDC.put("incident", String.valueOf(job.incident()));
        MDC.put("outbox_job", String.valueOf(job.id()));
        try {
            try {
                if (!handler.knows(job) && outcomes.leftForAnotherRelease(job)) {
                    return;
                }
                storage.run(r -> r.outbox().startAttempt(job.id()));
            } catch (RuntimeException e) {
                storageFailed(e);
                return;
            }
            JobHandler.Outcome outcome;
            try {
                outcome = handler.handle(job);
            } catch (Payloads.UnreadablePayloadException e) {
                outcome = JobHandler.Outcome.fail(e.getMessage());
            } catch (RuntimeException e) {
                if (StorageUnavailableException.in(e)) {
                    // The storage logged the outage once; the lease expires and the job runs again after it.
                    storageFailed(e);
                    return;
                }
                log.warn("outbox job {} ({}, incident {}) threw", job.id(), job.kind(), job.incident(), e);
                outcome = JobHandler.Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            }
            try {
                outcomes.record(job, outcome);
                storageRecovered();
            } catch (RuntimeException e) {
                storageFailed(e);
            }
        } finally {
            MDC.remove("incident");
            MDC.remove("outbox_job");
            delivering.decrementAndGet();
            Instant paused = pausedUntil;
            if (paused == null || !clock.instant().isBefore(paused)) {
                wakeup();
            }
        }
    }

    /** A database call failed: pause deliveries for a backoff; WARN once per failing period. */
    private void storageFailed(RuntimeException e) {
        Instant now = clock.instant();
        synchronized (storageState) {
            storageFailures++;
            pausedUntil = now.plus(storageBackoff.delay(storageFailures));
            storageError = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (storageFailingSince == null) {
                storageFailingSince = now;
                log.warn("outbox: the database cannot be written ({}); Slack deliveries paused, retrying with backoff",
                        storageError);
            } else {
                log.debug("outbox: database still failing ({} tries): {}", storageFailures, storageError);
            }
        }
    }

    /** A write succeeded: resume; INFO once when a failing period ends. */
    private void storageRecovered() {
        synchronized (storageState) {
            if (storageFailingSince != null) {
                log.info("outbox: the database can be written again after {} failed tries since {}; deliveries resumed",
                        storageFailures, storageFailingSince);
                storageFailingSince = null;
                storageError = null;
                storageFailures = 0;
                pausedUntil = null;
            }
        }
    }

    /** @return the wait before attempt {@code attempts + 2}: the shared {@link Backoff} after {@code attempts + 1} failures */
    Duration backoff(int attempts) {
        return outcomes.backoff(attempts);
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking new jobs and waits up to {@code timeout} for deliveries in flight; jobs not
     * delivered stay pending in the database for the next start.
     */
    public void stop(Duration timeout) {
        running = false;
        wakeup();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
            if (loop != null) {
                loop.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseLeases();
    }

    private void releaseLeases() {
        try {
            storage.run(r -> r.outbox().releaseLeases(holder));
        } catch (RuntimeException e) {
            log.debug("could not release outbox leases: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
