package io.incidentbot.storage.jdbi;

import io.incidentbot.store.StorageUnavailableException;
import org.jdbi.v3.core.transaction.UnableToManipulateTransactionIsolationLevelException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Which failures mean "the server is out of reach" (one line, no stack trace) and which fail alone; and that
 * once the server is down no caller waits on it again (issue 24: a note answered within 3 s while it is frozen).
 */
class PostgresOutageTest {
    private static RuntimeException frozen() {
        return new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
    }

    @Test
    void onceTheServerIsDownNoTransactionWaitsOnItTheBackgroundProbeFindsItBack() {
        AtomicBoolean serverBack = new AtomicBoolean();
        AtomicInteger probes = new AtomicInteger();
        PostgresOutage outage = new PostgresOutage(() -> {
            probes.incrementAndGet();
            if (!serverBack.get()) {
                throw frozen();
            }
        }, Duration.ofMillis(50));
        try {
            // A request's replay check meets the frozen server and waits out the socket timeout...
            assertThatThrownBy(() -> outage.run(() -> {
                throw frozen();
            })).isInstanceOf(StorageUnavailableException.class);
            // ...then its own command's transaction, right after, must not be the one that tries the server
            // again (a second bounded wait: 4 s for that request instead of 2 s).
            AtomicInteger ran = new AtomicInteger();
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> outage.run(ran::incrementAndGet)).isInstanceOf(StorageUnavailableException.class)
                        .hasMessageContaining("SQL state 08006");
            }
            assertThat(ran).as("transactions run against a server known to be down").hasValue(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> probes.get() >= 3);
            assertThat(outage.problem()).isPresent();

            serverBack.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> outage.problem().isEmpty());
            assertThat(outage.run(() -> "committed")).isEqualTo("committed");
            int probesWhenBack = probes.get();
            assertThat(outage.run(() -> "again")).isEqualTo("again");
            assertThat(probes.get()).as("no probing while the server answers").isEqualTo(probesWhenBack);
        } finally {
            outage.close();
        }
    }

    @Test
    void aConnectionTheBrokenPoolClosedUnderATransactionIsAnOutage() {
        // Seen in CI while PostgreSQL was frozen: JDBI sets the isolation level on a connection HikariCP had
        // just closed because another statement on it timed out; HikariCP's exception carries no SQL state.
        RuntimeException e = new UnableToManipulateTransactionIsolationLevelException(4,
                new SQLException("Connection is closed"));
        assertThat(PostgresOutage.outage(e)).isPresent();
    }

    /** HikariCP's pool-wait timeout; {@code cause} the last failure to make a connection, or null (HikariPool's shape). */
    private static RuntimeException poolWaitRanOut(SQLException cause) {
        return new RuntimeException(new java.sql.SQLTransientConnectionException(
                "incident-db - Connection is not available, request timed out after 2000ms (total=8, active=8, idle=0, waiting=3)",
                cause == null ? null : cause.getSQLState(), cause));
    }

    @Test
    void aPoolWaitThatRanOutWhileTheServerAnswersRefusesThatTransactionOnlyAndTheDatabaseStaysUp() {
        AtomicInteger probes = new AtomicInteger();
        PostgresOutage outage = new PostgresOutage(probes::incrementAndGet, Duration.ofMillis(10));
        try {
            assertThatThrownBy(() -> outage.run(() -> {
                throw poolWaitRanOut(null);
            })).isInstanceOf(StorageUnavailableException.class).hasMessageContaining("every connection is busy");
            assertThat(outage.problem()).as("not an outage: /readyz stays ready").isEmpty();
            assertThat(outage.run(() -> "committed")).as("the next transaction runs").isEqualTo("committed");
            assertThat(probes).as("nothing to probe").hasValue(0);
        } finally {
            outage.close();
        }
    }

    @Test
    void aPoolWaitThatRanOutBecauseNoConnectionCouldBeMadeIsAnOutage() {
        assertThat(PostgresOutage.outage(poolWaitRanOut(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))))
                .isPresent();
        assertThat(PostgresOutage.outage(poolWaitRanOut(null))).isEmpty();
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
