package io.incidentbot.slack;

import java.util.function.BooleanSupplier;

/** Runs an attempt in a daemon thread until it succeeds, waiting 0.5 s doubling to 60 s between tries. */
public final class UntilDone {
    private static final long FIRST_WAIT_MS = 500;
    private static final long MAX_WAIT_MS = 60_000;

    private UntilDone() {
    }

    /**
     * @param threadName name of the thread
     * @param attempt    one try: true when done (or when there is nothing left to do), false to try again;
     *                   it logs its own failures
     * @return the started thread; interrupting it stops the retries
     */
    public static Thread start(String threadName, BooleanSupplier attempt) {
        Thread t = new Thread(() -> {
            long waitMs = FIRST_WAIT_MS;
            while (!Thread.currentThread().isInterrupted() && !attempt.getAsBoolean()) {
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException e) {
                    return;
                }
                waitMs = Math.min(MAX_WAIT_MS, waitMs * 2);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
