package io.incidentbot.storage.jdbi;

import io.incidentbot.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a frozen or unreachable PostgreSQL server from holding every request for the pool's full wait:
 * once a transaction fails for want of the server (no pooled connection in time, the connection broke,
 * the server stopped answering), the database counts as down; then
 * one transaction a {@link #TRIAL_EVERY} tries the server and the others fail at once with
 * {@link StorageUnavailableException} (so a request answers within one wait, about 2 s, and nothing it
 * refused is committed later), until one succeeds. The log gets one ERROR when it goes down and one
 * INFO when it is back, not a stack trace per request.
 */
final class PostgresOutage {
    private static final Logger log = LoggerFactory.getLogger(PostgresOutage.class);
    /** How often a transaction may try a server that is down. */
    static final long TRIAL_EVERY_MS = 1_000;
    private static final String TRIAL_EVERY = "1 s";
    /** HikariCP's message for a call on a connection it has already closed ({@code ProxyConnection.ClosedConnection}). */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private volatile long downSinceMs;
    private volatile String reason;
    private long lastTrialMs;

    /**
     * Runs {@code transaction} unless the server is down and it is not this one's turn to try it.
     *
     * @throws StorageUnavailableException when the server is down (one line, the cause kept)
     */
    <T> T run(Supplier<T> transaction) {
        if (downSinceMs != 0 && !trialDue()) {
            throw new StorageUnavailableException("the database is unavailable: " + reason, null);
        }
        T result;
        try {
            result = transaction.get();
        } catch (RuntimeException e) {
            Optional<String> outage = outage(e);
            if (outage.isEmpty()) {
                throw e;
            }
            if (downSinceMs == 0) {
                downSinceMs = System.currentTimeMillis();
                log.error("database unavailable: {}", outage.get());
            }
            reason = outage.get();
            throw new StorageUnavailableException("the database is unavailable: " + reason, e);
        }
        if (downSinceMs != 0) {
            log.info("database available again after {} s", (System.currentTimeMillis() - downSinceMs) / 1000);
            downSinceMs = 0;
        }
        return result;
    }

    /** @return why the database is down, or empty when it is not */
    Optional<String> problem() {
        return downSinceMs == 0 ? Optional.empty() : Optional.of("the database is unavailable: " + reason);
    }

    private synchronized boolean trialDue() {
        long now = System.currentTimeMillis();
        if (now - lastTrialMs < TRIAL_EVERY_MS) {
            return false;
        }
        lastTrialMs = now;
        return true;
    }

    /**
     * @return the one-line reason when {@code e} says the server is out of reach: no pooled connection in
     *         time, a connection error (SQL state class 08: PgJDBC's socket timeout ends up there), or a
     *         socket timeout; empty for anything else (a bad statement, a conflict, a statement or lock
     *         wait that ran out: those fail alone, the server is fine)
     */
    static Optional<String> outage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of("no connection within the pool's wait");
            }
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
