package io.incidentbot.outbox;

import io.incidentbot.retry.Backoff;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers outbox jobs: for each incident its oldest pending job, one at a time per incident (so
 * calls for one channel keep their order), several incidents in parallel. Retries honour
 * {@code Retry-After}; other failures back off exponentially with jitter; a job still failing
 * after {@link Policy#giveUpAfter} is marked failed.
 *
 * <p>When the database cannot be written (disk full, read-only or replaced file) no delivery is
 * attempted: the worker pauses, backing off with the shared {@link Backoff} (first backoff doubling to
 * {@link #STORAGE_MAX_PAUSE}), logs one WARN when the failing period starts and one INFO when a write
 * succeeds again, and {@link #problem()} reports it for {@code /healthz}. The dispatch thread never dies.
 *
 * <p>After a Web API outage (jobs backing off without a {@code Retry-After}) one job is tried at least
 * every {@link #PROBE_INTERVAL} as a probe; the first job Slack accepts again brings every job still
 * backing off forward to now, so the queue drains at once instead of after each job's own backoff.
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

    private final Storage storage;
    private final JobHandler handler;
    private final Clock clock;
    private final ExecutorService executor;
    private final Policy policy;
    private final Backoff backoff;
    /** Longest pause of deliveries while the database cannot be written. */
    public static final Duration STORAGE_MAX_PAUSE = Duration.ofSeconds(30);
    /** During a Web API outage, the longest time without any attempt: one job is tried this often. */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

    private final Backoff storageBackoff;
    private final Object storageState = new Object();
    private Instant storageFailingSince;
    private String storageError;
    private int storageFailures;
    private volatile Instant pausedUntil;
    private volatile Instant outageSince;
    private volatile Instant lastProbe;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean wakeRequested;
    private volatile boolean running;
    private Thread loop;

    /**
     * @param executor runs deliveries; its size bounds how many incidents are served at once
     */
    public OutboxWorker(Storage storage, JobHandler handler, Clock clock, ExecutorService executor, Policy policy) {
        this.storage = storage;
        this.handler = handler;
        this.clock = clock;
        this.executor = executor;
        this.policy = policy;
        this.backoff = new Backoff(policy.firstBackoff(), policy.maxBackoff());
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
        return !inFlight.isEmpty();
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
     * Hands every due head job (the oldest pending job of each incident, due by the clock's now) whose
     * incident is not already being served to the executor. With a same-thread executor the jobs are
     * delivered and their outcomes recorded before it returns (how the unit tests drive the worker).
     */
    public void dispatchDue() {
        Instant now = clock.instant();
        Instant paused = pausedUntil;
        if (paused != null && now.isBefore(paused)) {
            return;
        }
        List<OutboxJob> due;
        try {
            due = storage.read(r -> r.outbox().dueHeads(now, 64));
            if (due.isEmpty() && outageSince != null && !now.isBefore(lastProbe.plus(PROBE_INTERVAL))) {
                lastProbe = now;
                due = storage.read(r -> r.outbox().dueHeads(now.plus(Duration.ofDays(3650)), 1));
            }
        } catch (RuntimeException e) {
            storageFailed(e);
            return;
        }
        for (OutboxJob job : due) {
            Instant pausedNow = pausedUntil;
            if (pausedNow != null && clock.instant().isBefore(pausedNow)) {
                return;
            }
            if (inFlight.add(job.incident())) {
                try {
                    executor.execute(() -> deliver(job));
                } catch (RuntimeException rejected) {
                    inFlight.remove(job.incident());
                    return;
                }
            }
        }
    }

    private void deliver(OutboxJob job) {
        try {
            try {
                storage.run(r -> r.outbox().startAttempt(job.id()));
            } catch (RuntimeException e) {
                storageFailed(e);
                return;
            }
            JobHandler.Outcome outcome;
            try {
                outcome = handler.handle(job);
            } catch (JobPayloads.UnreadablePayloadException e) {
                outcome = JobHandler.Outcome.fail(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("outbox job {} ({}, incident {}) threw", job.id(), job.kind(), job.incident(), e);
                outcome = JobHandler.Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            }
            try {
                record(job, outcome);
                storageRecovered();
            } catch (RuntimeException e) {
                storageFailed(e);
            }
        } finally {
            inFlight.remove(job.incident());
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

    private void record(OutboxJob job, JobHandler.Outcome outcome) {
        Instant now = clock.instant();
        switch (outcome.type()) {
            case DONE -> {
                storage.run(r -> r.outbox().markDone(job.id(), now));
                if (outageSince != null && job.attempts() > 0) {
                    outageSince = null;
                    int expedited = storage.transaction(r -> r.outbox().expediteBackoffs(now));
                    log.info("outbox: Slack accepted a call again; {} job(s) backing off retried now", expedited);
                }
            }
            case RETRY -> {
                if (Duration.between(job.createdAt(), now).compareTo(policy.giveUpAfter()) > 0) {
                    giveUp(job, outcome.error(), now);
                } else if (outcome.retryAfter() != null) {
                    Duration wait = outcome.retryAfter();
                    log.info("outbox job {} ({}, incident {}) failed with {}; attempt {} in {} ms", job.id(), job.kind(),
                            job.incident(), outcome.error(), job.attempts() + 2, wait.toMillis());
                    storage.run(r -> r.outbox().retryAt(job.id(), now.plus(wait), outcome.error()));
                } else {
                    Duration wait = backoff(job.attempts());
                    log.info("outbox job {} ({}, incident {}) failed with {}; attempt {} in {} ms", job.id(), job.kind(),
                            job.incident(), outcome.error(), job.attempts() + 2, wait.toMillis());
                    storage.run(r -> r.outbox().backOffUntil(job.id(), now.plus(wait), outcome.error()));
                    if (outageSince == null) {
                        outageSince = now;
                        lastProbe = now;
                    }
                }
            }
            case FAIL -> giveUp(job, outcome.error(), now);
            default -> throw new IllegalStateException(outcome.type().name());
        }
    }

    private void giveUp(OutboxJob job, String error, Instant now) {
        log.error("outbox job {} ({}, incident {}) failed for good: {}", job.id(), job.kind(), job.incident(), error);
        storage.run(r -> r.outbox().markFailed(job.id(), now, error));
        try {
            handler.failed(job, error);
        } catch (RuntimeException e) {
            log.warn("could not report failed outbox job {}", job.id(), e);
        }
    }

    /** @return the wait before attempt {@code attempts + 2}: the shared {@link Backoff} after {@code attempts + 1} failures */
    Duration backoff(int attempts) {
        return backoff.delay(attempts + 1);
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
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
