package io.incidentbot.retry;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;

/**
 * The one backoff every retry loop uses: exponential (doubling from {@code first}), capped at
 * {@code max}, with ±50% jitter so replicas and retried jobs do not retry in step. The intervals
 * come from resilience4j's {@link IntervalFunction#ofExponentialRandomBackoff}; loops that wait in
 * process use {@link #retry}, the outbox stores {@link #delay} as a job's next attempt time.
 */
public final class Backoff {
    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    private final IntervalFunction intervals;
    private final Duration max;

    /**
     * @param first wait after the first failure (positive)
     * @param max   longest wait between attempts (at least {@code first})
     * @throws IllegalArgumentException when {@code first} is not positive or {@code max < first}
     */
    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + ", " + max);
        }
        this.max = max;
        this.intervals = IntervalFunction.ofExponentialRandomBackoff(first, MULTIPLIER, JITTER, max);
    }

    /**
     * @param failures how many attempts have failed so far (1 after the first failure)
     * @return how long to wait before the next attempt: about {@code first * 2^(failures-1)}, jittered,
     *         never more than {@code max}
     */
    public Duration delay(int failures) {
        long ms = intervals.apply(Math.max(1, Math.min(failures, 40)));
        return Duration.ofMillis(Math.max(1, Math.min(ms, max.toMillis())));
    }

    /** Waits between in-process retries; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /** @throws InterruptedException when the waiting thread is interrupted */
        void sleep(Duration d) throws InterruptedException;
    }

    /** One try of {@link #retry}: true when done, false to try again after a backoff. */
    @FunctionalInterface
    public interface Attempt {
        boolean run() throws InterruptedException;
    }

    /**
     * Runs {@code attempt} until it returns true or the thread is interrupted, sleeping
     * {@link #delay} between tries.
     *
     * @return true when the attempt succeeded, false when interrupted first
     */
    public boolean retry(Attempt attempt, Sleeper sleeper) {
        int failures = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (attempt.run()) {
                    return true;
                }
                sleeper.sleep(delay(++failures));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
