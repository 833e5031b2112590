package io.incidentbot.storage.jdbi;

import org.jdbi.v3.core.transaction.UnableToManipulateTransactionIsolationLevelException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the server is out of reach" (one line, no stack trace) and which fail alone. */
class PostgresOutageTest {
    @Test
    void aConnectionTheBrokenPoolClosedUnderATransactionIsAnOutage() {
        // Seen in CI while PostgreSQL was frozen: JDBI sets the isolation level on a connection HikariCP had
        // just closed because another statement on it timed out; HikariCP's exception carries no SQL state.
        RuntimeException e = new UnableToManipulateTransactionIsolationLevelException(4,
                new SQLException("Connection is closed"));
        assertThat(PostgresOutage.outage(e)).isPresent();
    }

    @Test
    void connectionErrorsAndSocketTimeoutsAreOutagesABadStatementIsNot() {
        assertThat(PostgresOutage.outage(new RuntimeException(new SQLException("I/O error", "08006")))).isPresent();
        assertThat(PostgresOutage.outage(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                .isPresent();
        assertThat(PostgresOutage.outage(new RuntimeException(new SQLException("syntax error", "42601")))).isEmpty();
        assertThat(PostgresOutage.outage(new RuntimeException(new SQLException("canceling statement due to "
                + "statement timeout", "57014")))).isEmpty();
    }
}
