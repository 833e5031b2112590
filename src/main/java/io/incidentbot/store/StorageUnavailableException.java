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
}
