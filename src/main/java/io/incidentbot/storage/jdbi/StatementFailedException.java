package io.incidentbot.storage.jdbi;

import java.sql.SQLException;

/**
 * A plain JDBC statement of the event capture path failed (JDBI's own statements throw JDBI's
 * exceptions). The {@link SQLException} is the cause, so its SQL state and SQLite result code are found
 * where the storage looks for them (serialization failures, a full or read-only database).
 */
public final class StatementFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param sql   the statement's SQL (no values: those may be message text)
     * @param cause the driver's exception
     */
    StatementFailedException(String sql, SQLException cause) {
        super(cause.getMessage() + " [statement: " + sql + "]", cause);
    }
}
