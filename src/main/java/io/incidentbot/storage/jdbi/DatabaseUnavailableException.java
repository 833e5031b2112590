package io.incidentbot.storage.jdbi;

/**
 * The SQLite database cannot be used safely: it cannot be written at start (read-only file, full disk,
 * no permission), or its file was deleted or replaced while the bot ran. {@code Main} turns it into one
 * line and exit status 2 at start; during a request it is not acknowledged, so Slack retries.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    /** @param message one line naming the file and what is wrong */
    public DatabaseUnavailableException(String message) {
        super(message);
    }

    /** @param message one line naming the file and what is wrong; @param cause what SQLite said */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
