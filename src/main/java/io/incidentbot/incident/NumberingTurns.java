package io.incidentbot.incident;

import io.incidentbot.store.StorageUnavailableException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One replica's queue of declares (issue 21, "concurrent declares on a loaded PostgreSQL host"): new incidents are
 * numbered one at a time per replica, in arrival order. Each declare's transaction holds the incident counter's row
 * lock from its number to its commit, so declares are serial anyway; without this queue every waiting declare held a
 * pooled connection while it waited, and on a CPU-starved host the pool (8) ran out and requests were refused
 * ("no connection within the pool's wait"), or a waiter's {@code lock_timeout} ran out. With it, at most one declare
 * per replica waits on the row lock (behind another replica's), and the others wait here without a connection.
 */
final class NumberingTurns {
    /** Longest wait for a turn; past it the declare is refused as if the database were unavailable. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private final Semaphore turn = new Semaphore(1, true);

    /** The turn of one use case ({@link Transactions#run}), across its attempts. */
    final class Turn {
        private boolean held;

        /** Takes the turn if it is free now and nobody queues for it, or throws {@link Queued}. */
        void takeNow() {
            if (held) {
                return;
            }
            try {
                held = turn.tryAcquire(0, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!held) {
                throw new Queued();
            }
        }

        /**
         * Waits for the turn, first come first served.
         *
         * @throws StorageUnavailableException after {@link #MAX_WAIT}, or when interrupted
         */
        void await() {
            try {
                held = turn.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!held) {
                throw new StorageUnavailableException("no turn to number an incident within " + MAX_WAIT.toSeconds()
                        + " s", null);
            }
        }

        /** Gives the turn back, if this use case had it. */
        void release() {
            if (held) {
                held = false;
                turn.release();
            }
        }
    }

    /** @return a new use case's turn, not yet taken */
    Turn turn() {
        return new Turn();
    }

    /** Thrown out of a transaction whose declare must wait for its turn; {@link Transactions#run} waits and reruns. */
    static final class Queued extends RuntimeException {
        Queued() {
            super("waiting for the turn to number an incident", null, false, false);
        }
    }
}
