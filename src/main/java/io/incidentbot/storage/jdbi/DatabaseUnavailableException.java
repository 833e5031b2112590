package io.incidentbot.storage.jdbi;

/**
 * The database named by {@code INCIDENT_DB} cannot be used: a malformed URL, a server that does not
 * answer, wrong credentials, a missing database. The message is one line for an operator, names the
 * location without its password, and never carries a stack trace's worth of driver detail;
 * {@code Main} prints it and exits with status 2.
 */
public final class DatabaseUnavailableException extends IllegalArgumentException {
    /** @param message one line, without credentials */
    public DatabaseUnavailableException(String message) {
        super(message);
    }
}
