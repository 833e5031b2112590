package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.incidentbot.config.DatabaseSettings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the database named by {@code INCIDENT_DB} and brings its schema up to date with Flyway: a
 * SQLite file (migrations {@code db/common} + {@code db/sqlite}) or a PostgreSQL database
 * ({@code db/common} + {@code db/postgresql}, see {@link PostgresDatabase}).
 */
public final class Database {
    private Database() {
    }

    /**
     * Opens a SQLite file, or a PostgreSQL URL with any credentials in its parameters.
     *
     * @param location SQLite file path, e.g. {@code ./incidents.db}, or {@code jdbc:postgresql://...}
     * @return the migrated storage; close it to release the file or the connections
     * @throws DatabaseUnavailableException when the database cannot be reached, opened or logged in to
     * @throws org.flywaydb.core.api.FlywayException when a migration fails
     * @throws DatabaseUnavailableException when the file cannot be written (read-only, no permission,
     *                                      disk full): checked with a real write before anything is served
     */
    public static JdbiStorage open(String location) {
        return open(DatabaseSettings.of(location));
    }

    /**
     * Opens the database of {@code settings}.
     *
     * @return the migrated storage; close it to release the file or the connections
     * @throws DatabaseUnavailableException when the database cannot be reached, opened or logged in to
     * @throws org.flywaydb.core.api.FlywayException when a migration fails
     */
    public static JdbiStorage open(DatabaseSettings settings) {
        return open(settings, DatabaseTimeouts.DEFAULT);
    }

    /**
     * Opens the database of {@code settings}; on PostgreSQL with {@code timeouts} (SQLite ignores them).
     *
     * @return the migrated storage; close it to release the file or the connections
     * @throws DatabaseUnavailableException when the database cannot be reached, opened or logged in to
     * @throws org.flywaydb.core.api.FlywayException when a migration fails
     */
    public static JdbiStorage open(DatabaseSettings settings, DatabaseTimeouts timeouts) {
        if (settings.postgres()) {
            return PostgresDatabase.open(settings, timeouts);
        }
        return openSqlite(settings.location().replaceFirst("^jdbc:sqlite:", ""));
    }

    private static JdbiStorage openSqlite(String path) {
        Path file = Path.of(path).toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new DatabaseUnavailableException("INCIDENT_DB: cannot create folder for " + file + ": " + e.getMessage());
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new DatabaseUnavailableException("INCIDENT_DB " + file + " cannot be written (read-only file)");
        }
        try {
            return open(file);
        } catch (RuntimeException e) {
            if (SqliteFileWatch.isDatabaseFailure(e)) {
                throw new DatabaseUnavailableException("INCIDENT_DB " + file + " cannot be written: "
                        + SqliteFileWatch.rootMessage(e), e);
            }
            throw e;
        }
    }

    private static JdbiStorage open(Path file) {
        // Take the write lock at BEGIN so two writers never deadlock on lock upgrade.
        HikariDataSource writes = pool("incident-db", file, "IMMEDIATE");
        HikariDataSource reads;
        try {
            Migrations.migrate(writes, "sqlite");
            probeWrite(writes);
            // Reads begin DEFERRED: a snapshot without the write lock. query_only makes a write there fail
            // instead of taking the write lock behind the Java lock's back.
            HikariConfig readConfig = config("incident-db-read", file, "DEFERRED");
            readConfig.setConnectionInitSql("PRAGMA query_only = 1");
            reads = new HikariDataSource(readConfig);
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
        return new JdbiStorage(writes, reads, file);
    }

    /**
     * Writes the header's {@code user_version} with its own value: a real write (the write lock, the
     * write-ahead log and a commit), so a read-only or full database is found at start, not at the first ack.
     */
    private static void probeWrite(HikariDataSource writes) {
        org.jdbi.v3.core.Jdbi.create(writes).useTransaction(h -> {
            int v = h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
            h.execute("PRAGMA user_version = " + v);
        });
    }

    private static HikariDataSource pool(String name, Path file, String transactionMode) {
        return new HikariDataSource(config(name, file, transactionMode));
    }

    private static HikariConfig config(String name, Path file, String transactionMode) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.addDataSourceProperty("journal_mode", "WAL");
        // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9);
        // only an OS crash or power loss can drop the last few.
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("transaction_mode", transactionMode);
        return config;
    }
}
