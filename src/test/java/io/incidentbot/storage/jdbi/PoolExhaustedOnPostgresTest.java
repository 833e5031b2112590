package io.incidentbot.storage.jdbi;

import io.incidentbot.HealthReport;
import io.incidentbot.config.DatabaseSettings;
import io.incidentbot.store.StorageUnavailableException;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A busy bot on PostgreSQL is not a database outage: with every pooled connection held by transactions still
 * running ({@code INCIDENT_DB_TIMEOUT=1s}: a transaction waits at most 1 s for one), the next transaction is refused
 * after that wait ({@link StorageUnavailableException}, nothing committed), but the server answers, so the database
 * does not count as down: as soon as a connection is free, transactions run and {@code /readyz} is ready, without
 * waiting for the outage probe.
 */
class PoolExhaustedOnPostgresTest {
    /** The serving pool's size ({@code PostgresDatabase}). */
    private static final int POOL = 8;
    private String pg;
    private JdbiStorage storage;
    private final ExecutorService holders = Executors.newFixedThreadPool(POOL);

    @BeforeEach
    void open() {
        pg = TestPostgres.createDatabase();
        storage = Database.open(DatabaseSettings.of(pg), DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_TIMEOUT", "1s")));
    }

    @AfterEach
    void close() {
        holders.shutdownNow();
        if (storage != null) {
            storage.close();
        }
        TestPostgres.drop(pg);
    }

    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTransactionThatFindsEveryConnectionBusyIsRefusedAloneAndReadinessStaysReady() throws Exception {
        CountDownLatch holding = new CountDownLatch(POOL);
        List<CountDownLatch> releases = new ArrayList<>();
        List<Future<Integer>> held = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            CountDownLatch release = new CountDownLatch(1);
            releases.add(release);
            held.add(holders.submit(() -> storage.transaction(r -> {
                int open = r.incidents().listOpen().size(); // a statement: the connection is really in use
                holding.countDown();
                awaitQuietly(release);
                return open;
            })));
        }
        assertThat(holding.await(20, TimeUnit.SECONDS)).as("every pooled connection held").isTrue();

        assertThatThrownBy(() -> storage.transaction(r -> r.incidents().listOpen()))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("every connection is busy");
        assertThat(storage.problem()).as("the server answers: not an outage").isEmpty();

        releases.get(0).countDown();
        assertThat(held.get(0).get(10, TimeUnit.SECONDS)).isZero();
        HealthReport readiness = new HealthReport(storage, List.of());
        assertThat(readiness.get().healthy()).as("ready while the other connections are still held: %s",
                readiness.get().json()).isTrue();
        List<io.incidentbot.incident.Incident> open = storage.transaction(r -> r.incidents().listOpen());
        assertThat(open).as("transactions run again at once").isEmpty();

        releases.forEach(CountDownLatch::countDown);
        for (Future<Integer> f : held) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isZero();
        }
    }
}
