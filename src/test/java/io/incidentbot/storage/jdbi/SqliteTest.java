package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The storage contract suite's base: a real SQLite file in a temporary folder, opened with
 * {@link Database#open} before each test; a subclass that overrides {@link #postgres()} runs the same
 * tests on a fresh PostgreSQL database instead ({@code *OnPostgresTest}).
 */
abstract class SqliteTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    JdbiStorage storage;
    String postgresUrl;

    /** @return true to run on a fresh PostgreSQL database ({@link TestPostgres}) instead of SQLite */
    boolean postgres() {
        return false;
    }

    /** @return where this test's database is: a SQLite file path or a PostgreSQL URL */
    String location() {
        return postgres() ? postgresUrl : dir.resolve("incidents.db").toString();
    }

    @BeforeEach
    void openDatabase() {
        if (postgres()) {
            postgresUrl = TestPostgres.createDatabase();
        }
        storage = Database.open(location());
    }

    @AfterEach
    void closeDatabase() {
        if (storage != null) {
            storage.close();
        }
        if (postgresUrl != null) {
            TestPostgres.drop(postgresUrl);
        }
    }

    /** Runs work in its own write transaction and returns its result. */
    <T> T tx(Storage.Work<T> work) {
        return storage.transaction(work);
    }

    /** Runs work with no result in its own write transaction. */
    void run(Consumer<Repositories> work) {
        storage.run(work);
    }

    /** Declares an incident titled {@code title} at {@code T0} and returns its number. */
    long declare(String title) {
        return tx(r -> r.incidents().create(title, Severity.SEV2, false, null, "U_DECLARER", T0)).number();
    }

    /** @return every incident as stored now, oldest first */
    java.util.List<Incident> allIncidents() {
        return storage.read(r -> r.incidents().listAll());
    }

    /** @return the incident as stored now */
    Incident incident(long number) {
        return storage.read(r -> r.incidents().find(number)).orElseThrow();
    }
}
