package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the SQLite database file and brings its schema up to date with Flyway. */
public final class Database {
    private Database() {
    }

    /**
     * Opens {@code path} (created if missing) in WAL mode and migrates it.
     *
     * @param path SQLite file path, e.g. {@code ./incidents.db}
     * @return a storage on two small connection pools (writes, reads); close it to checkpoint and
     *         release the file
     * @throws IllegalArgumentException when the path is a PostgreSQL URL (not supported yet)
     * @throws org.flywaydb.core.api.FlywayException when a migration fails
     */
    public static JdbiStorage open(String path) {
        if (path.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("INCIDENT_DB: PostgreSQL is not supported yet; give a SQLite file path");
        }
        Path file = Path.of(path).toAbsolutePath();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("INCIDENT_DB: cannot create folder for " + file + ": " + e.getMessage(), e);
        }
        // Take the write lock at BEGIN so two writers never deadlock on lock upgrade.
        HikariDataSource writes = pool("incident-db", file, "IMMEDIATE");
        HikariDataSource reads;
        try {
            Flyway.configure().dataSource(writes).locations("classpath:db/common", "classpath:db/sqlite").load().migrate();
            // Reads begin DEFERRED: a snapshot without the write lock. query_only makes a write there fail
            // instead of taking the write lock behind the Java lock's back.
            HikariConfig readConfig = config("incident-db-read", file, "DEFERRED");
            readConfig.setConnectionInitSql("PRAGMA query_only = 1");
            reads = new HikariDataSource(readConfig);
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
        return new JdbiStorage(writes, reads);
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
