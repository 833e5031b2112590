package io.incidentbot.storage.jdbi;

/**
 * The database named by {@code INCIDENT_DB} cannot be used: a malformed URL, a server that does not
 * answer, wrong credentials, a missing database; or, on SQLite, a file that cannot be written at start
 * (read-only file, full disk, no permission) or was deleted or replaced while the bot ran. The message
 * is one line for an operator, names the location without its password, and never carries a stack
 * trace's worth of driver detail; {@code Main} prints it and exits with status 2 at start; during a
 * request it is not acknowledged, so Slack retries.
 */
public final class DatabaseUnavailableException extends IllegalArgumentException {
    /** @param message one line, without credentials */
    public DatabaseUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the database and what is wrong, without credentials
     * @param cause   what the driver said (kept for debugging, never printed to the operator's one line)
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
