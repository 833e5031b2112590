package io.incidentbot.slack;

import io.incidentbot.retry.Backoff;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs an attempt in a daemon thread until it succeeds, waiting with the shared {@link Backoff}
 * (0.5 s doubling to 60 s, jittered) between tries.
 */
public final class UntilDone {
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));

    private UntilDone() {
    }

    /**
     * @param threadName name of the thread
     * @param attempt    one try: true when done (or when there is nothing left to do), false to try again;
     *                   it logs its own failures
     * @return the started thread; interrupting it stops the retries
     */
    public static Thread start(String threadName, BooleanSupplier attempt) {
        Thread t = new Thread(() -> BACKOFF.retry(attempt::getAsBoolean, d -> Thread.sleep(d.toMillis())), threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
