package io.incidentbot.store;

/**
 * The database cannot be reached right now (a PostgreSQL server frozen, down or out of connections):
 * the transaction was not committed and never will be. The storage has already logged the outage once
 * when it began, so callers answer (503, an ephemeral "unchanged") without logging a stack trace each.
 */
public final class StorageUnavailableException extends RuntimeException {
    /**
     * @param message one line, without credentials
     * @param cause   what the driver said, or null
     */
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return true when {@code e} or one of its causes is this exception */
    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs a failed periodic or per-request step at WARN, or at DEBUG when it failed because the database is
     * unavailable: the storage logged that once when the outage began and logs once when it ends, so an
     * outage writes one line per state change rather than one per request or scheduler tick.
     *
     * @param log    where the line goes
     * @param e      the failure (its {@code toString()} is the last argument of {@code format})
     * @param format SLF4J format whose last placeholder takes {@code e}
     */
    public static void warnUnlessOutage(org.slf4j.Logger log, Throwable e, String format) {
        if (in(e)) {
            log.debug(format, e.toString());
        } else {
            log.warn(format, e.toString());
        }
    }
}
