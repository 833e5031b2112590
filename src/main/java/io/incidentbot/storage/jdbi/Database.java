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
     * @throws DatabaseUnavailableException when the file cannot be written (read-only, no permission,
     *                                      disk full): checked with a real write before anything is served
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
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new DatabaseUnavailableException("INCIDENT_DB " + file + " cannot be written (read-only file)");
        }
        try {
            return open(file);
        } catch (RuntimeException e) {
            if (JdbiStorage.isDatabaseFailure(e)) {
                throw new DatabaseUnavailableException("INCIDENT_DB " + file + " cannot be written: "
                        + JdbiStorage.rootMessage(e), e);
            }
            throw e;
        }
    }

    private static JdbiStorage open(Path file) {
        // Take the write lock at BEGIN so two writers never deadlock on lock upgrade.
        HikariDataSource writes = pool("incident-db", file, "IMMEDIATE");
        HikariDataSource reads;
        try {
            Flyway.configure().dataSource(writes).locations("classpath:db/common", "classpath:db/sqlite").load().migrate();
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
