package io.incidentbot.storage.jdbi;

import io.incidentbot.config.DatabaseSettings;
import io.incidentbot.HealthReport;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.store.Retention;
import io.incidentbot.store.StorageUnavailableException;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
 * Issue 24: the serving pool's short statement limit ({@code INCIDENT_DB_TIMEOUT=1s} here: statement_timeout
 * 800 ms, socket timeout 1 s) bounds requests but does not cut background work that runs long on purpose:
 * retention's batches ({@code Storage.background}, limited by {@code INCIDENT_DB_BACKGROUND_TIMEOUT}). And the
 * pool's 1 s wait for a connection, all of them busy, refuses that transaction only: it is no outage.
 */
class BackgroundStatementsOnPostgresTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
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

    private static Object sleep(io.incidentbot.store.Repositories r, double seconds) {
        return ((JdbiRepositories) r).h().createQuery("SELECT pg_sleep(" + seconds + ")").mapTo(String.class).one();
    }

    @Test
    void aRequestStatementIsCutAtTheShortLimitABackgroundOneIsNotAndTheNextRequestIsBoundedAgain() {
        assertThatThrownBy(() -> storage.transaction(r -> sleep(r, 1.2)))
                .as("a request's statement past INCIDENT_DB_TIMEOUT").isInstanceOf(RuntimeException.class);
        storage.background(r -> sleep(r, 1.2));
        // The connection the background transaction used is back in the pool with the short limits (HikariCP
        // hands a thread the connection it used last).
        assertThatThrownBy(() -> storage.transaction(r -> sleep(r, 1.2))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void retentionOverManyRowsIsNotCutByTheShortLimit() {
        long t0 = T0.getEpochSecond() * 1_000_000;
        // 1,500 processed event IDs (two batches), and each DELETE statement made 1 s slower (as a batch on a
        // large table of a busy server would be): past the request limit of 800 ms.
        storage.run(r -> ((JdbiRepositories) r).h().execute("""
                INSERT INTO processed_event (event_id, received_at) SELECT 'Ev' || i, %d FROM generate_series(1, 1500) i;
                CREATE FUNCTION slow_delete() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$;
                CREATE TRIGGER slow_delete BEFORE DELETE ON processed_event FOR EACH STATEMENT EXECUTE FUNCTION slow_delete();
                """.formatted(t0)));
        TestClock clock = new TestClock(T0.plus(Duration.ofDays(2)));

        assertThat(new Retention(storage, clock).prune()).isEqualTo(1_500);
        long left = storage.read(r -> ((JdbiRepositories) r).h().createQuery("SELECT COUNT(*) FROM processed_event")
                .mapTo(Long.class).one());
        assertThat(left).isZero();
    }

    private static void awaitQuietly(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A busy bot is not a database outage: with every pooled connection held by transactions still running, the next
     * transaction is refused after the 1 s wait ({@link StorageUnavailableException}, nothing committed), but the
     * server answers, so the database does not count as down: as soon as a connection is free, transactions run and
     * {@code /readyz} is ready, without waiting for the outage probe.
     */
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
