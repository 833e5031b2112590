package io.incidentbot.storage.jdbi;

import io.incidentbot.config.DatabaseSettings;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.store.Retention;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 24: the serving pool's short statement limit ({@code INCIDENT_DB_TIMEOUT=1s} here: statement_timeout
 * 800 ms, socket timeout 1 s) bounds requests but does not cut background work that runs long on purpose:
 * retention's batches ({@code Storage.background}, limited by {@code INCIDENT_DB_BACKGROUND_TIMEOUT}).
 */
class BackgroundStatementsOnPostgresTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private String pg;
    private JdbiStorage storage;

    @BeforeEach
    void open() {
        pg = TestPostgres.createDatabase();
        storage = Database.open(DatabaseSettings.of(pg), DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_TIMEOUT", "1s")));
    }

    @AfterEach
    void close() {
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
}
