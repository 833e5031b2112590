package io.incidentbot.storage.jdbi;

import io.incidentbot.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a frozen or unreachable PostgreSQL server from holding every request for the pool's full wait:
 * once a transaction fails for want of the server (a connection broke or could not be made, the server
 * stopped answering), the database counts as down; then every transaction fails at once with
 * {@link StorageUnavailableException} (nothing it refused is committed later) while a background thread
 * probes the server every {@code every} (one short statement through the pool), until a probe succeeds.
 * No caller ever serves as the trial: a request that already waited out one bounded wait (its replay
 * check, say) is not handed a second one for its own command, so it answers within one wait (about 2 s).
 * The log gets one ERROR when it goes down and one INFO when it is back, not a line per request.
 * <p>
 * No free pooled connection within the pool's wait while the server answers (every connection busy with
 * other transactions: a busy bot, not an outage) fails that transaction alone, with
 * {@link StorageUnavailableException} as well (it never commits later), and leaves the database up: the next
 * transaction waits for a connection as usual and {@code /readyz} stays ready. HikariCP's timeout carries the
 * last failure to make a connection as its cause when there was one; then it is an outage. One WARN a minute
 * at most says the pool ran out.
 */
final class PostgresOutage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresOutage.class);
    /** How often the server is probed while it is down. */
    static final Duration TRIAL_EVERY = Duration.ofSeconds(1);
    /** HikariCP's message for a call on a connection it has already closed ({@code ProxyConnection.ClosedConnection}). */
    private static final String CLOSED_BY_POOL = "Connection is closed";
    /** Least time between two WARNs that the pool ran out of connections. */
    private static final Duration BUSY_WARN_EVERY = Duration.ofMinutes(1);

    private final Runnable probe;
    private final Duration every;
    private final Object lock = new Object();
    private long downSinceNanos;
    private boolean down;
    private boolean closed;
    private volatile String reason;
    private final java.util.concurrent.atomic.AtomicLong busyWarnedNanos = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param probe a short statement on the server (e.g. {@code SELECT 1}); it throws when the server is out of reach
     * @param every the pause before each probe while the server is down, e.g. {@link #TRIAL_EVERY}
     */
    PostgresOutage(Runnable probe, Duration every) {
        this.probe = probe;
        this.every = every;
    }

    /**
     * Runs {@code transaction} unless the server is down.
     *
     * @throws StorageUnavailableException when the server is down or {@code transaction} found it so (one
     *                                     line, the cause kept)
     */
    <T> T run(Supplier<T> transaction) {
        String downFor = reason;
        if (downFor != null) {
            throw new StorageUnavailableException("the database is unavailable: " + downFor, null);
        }
        try {
            return transaction.get();
        } catch (RuntimeException e) {
            Optional<String> outage = outage(e);
            if (outage.isPresent()) {
                wentDown(outage.get());
                throw new StorageUnavailableException("the database is unavailable: " + outage.get(), e);
            }
            if (poolWaitRanOut(e)) {
                busy();
                throw new StorageUnavailableException("no database connection free within the pool's wait"
                        + " (every connection is busy; the server answers)", e);
            }
            throw e;
        }
    }

    /** A WARN, at most one per {@link #BUSY_WARN_EVERY}, that a transaction found no free connection in time. */
    private void busy() {
        long now = System.nanoTime();
        long last = busyWarnedNanos.get();
        if ((last == 0 || now - last >= BUSY_WARN_EVERY.toNanos()) && busyWarnedNanos.compareAndSet(last, now)) {
            log.warn("database pool busy: a transaction found no free connection within the pool's wait and was refused"
                    + " (the server answers; at most one such line a minute)");
        }
    }

    /** @return true when {@code e} is HikariCP's "Connection is not available, request timed out" */
    static boolean poolWaitRanOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** @return why the database is down, or empty when it is not */
    Optional<String> problem() {
        String r = reason;
        return r == null ? Optional.empty() : Optional.of("the database is unavailable: " + r);
    }

    private void wentDown(String why) {
        synchronized (lock) {
            if (down || closed) {
                return;
            }
            down = true;
            downSinceNanos = System.nanoTime();
            reason = why;
        }
        log.error("database unavailable: {}", why);
        Thread prober = new Thread(this::probeUntilBack, "db-outage-probe");
        prober.setDaemon(true);
        prober.start();
    }

    private void probeUntilBack() {
        while (true) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            try {
                probe.run();
            } catch (RuntimeException e) {
                reason = outage(e).orElse(firstLine(e.getMessage()));
                continue;
            }
            long seconds;
            synchronized (lock) {
                down = false;
                reason = null;
                seconds = Duration.ofNanos(System.nanoTime() - downSinceNanos).toSeconds();
            }
            log.info("database available again after {} s", seconds);
            return;
        }
    }

    /** Stops probing (the pool is being closed). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /**
     * @return the one-line reason when {@code e} says the server is out of reach: a connection error (SQL
     *         state class 08: PgJDBC's socket timeout and a connection it could not make end up there, also as
     *         the cause and SQL state of HikariCP's pool-wait timeout), or a socket timeout; empty for anything
     *         else (a pool wait that ran out while the server answers, a bad statement, a conflict, a statement
     *         or lock wait that ran out: those fail alone, the server is fine)
     */
    static Optional<String> outage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return Optional.of("SQL state " + s.getSQLState() + " (" + firstLine(s.getMessage()) + ")");
            }
            if (t instanceof SQLException s && CLOSED_BY_POOL.equals(s.getMessage())) {
                // HikariCP closed this borrowed connection because another statement on it broke (no SQL state).
                return Optional.of("the connection was closed by the pool after a failure");
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return Optional.of("the server did not answer in time");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
