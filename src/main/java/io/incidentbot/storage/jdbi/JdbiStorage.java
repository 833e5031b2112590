package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.incidentbot.store.Storage;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Storage} on JDBI over SQLite: the transaction mechanics, with the repositories of
 * {@link JdbiRepositories} bound to each transaction's handle. Every statement binds its values as
 * parameters; times are stored as epoch microseconds.
 *
 * <p>What is SQLite-specific here and in {@link Database} (a PostgreSQL storage, for several bot
 * replicas on one database, differs in exactly these and reuses the repositories):
 * <ul>
 *   <li>SQLite has one writer at a time. {@link #transaction} queues writers on a Java lock, and the
 *       write pool begins every transaction with {@code BEGIN IMMEDIATE} (sqlite-jdbc's
 *       {@code transaction_mode}), so the write lock is taken at the start and two writers never
 *       deadlock upgrading a read lock. PostgreSQL needs neither: row locks and MVCC.</li>
 *   <li>{@link #read} runs on a second pool whose transactions begin {@code DEFERRED} and whose
 *       connections are {@code PRAGMA query_only}: in WAL mode such a transaction reads one snapshot
 *       (taken at its first read) and never waits for the writer, nor the writer for it. On PostgreSQL
 *       the same is a {@code READ ONLY} transaction (repeatable read for one snapshot) on one pool.</li>
 *   <li>The pragmas set on every connection: {@code journal_mode=WAL}, {@code synchronous=NORMAL},
 *       {@code busy_timeout}, {@code foreign_keys}.</li>
 *   <li>The Flyway migrations in {@code db/sqlite} use SQLite DDL (portable ones go in {@code db/common}) ({@code AUTOINCREMENT}); another
 *       database gets its own folder (Flyway's {@code {vendor}} placeholder in the location).</li>
 * </ul>
 *
 * <p>It also watches its file ({@link #problem()}): the file's identity (its file key, on Linux device
 * and inode) is recorded at open, and every write transaction first checks it is still the same file,
 * so a database deleted or replaced under the bot refuses writes ({@link DatabaseUnavailableException},
 * the request is not acknowledged and Slack retries it) instead of writing to an unlinked inode. A write
 * that fails in SQLite itself (disk full, read-only file, I/O error) is remembered until one succeeds.
 */
public final class JdbiStorage implements Storage {
    private final HikariDataSource writes;
    private final HikariDataSource reads;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Path file;
    private final Object fileKey;
    private volatile String writeFailure;

    /**
     * @param writes a migrated data source whose transactions begin {@code IMMEDIATE}
     * @param reads  a data source on the same database whose transactions begin {@code DEFERRED} and
     *               whose connections are {@code query_only}
     *               (both closed by {@link #close()})
     */
    public JdbiStorage(HikariDataSource writes, HikariDataSource reads) {
        this(writes, reads, null);
    }

    /**
     * As {@link #JdbiStorage(HikariDataSource, HikariDataSource)}, watching {@code file}'s identity.
     *
     * @param file the SQLite file both pools open, or null not to watch it
     */
    public JdbiStorage(HikariDataSource writes, HikariDataSource reads, Path file) {
        this.file = file;
        this.fileKey = file == null ? null : fileKey(file);
        this.writes = writes;
        this.reads = reads;
        this.writer = Jdbi.create(writes);
        this.reader = Jdbi.create(reads);
    }

    @Override
    public <T> T transaction(Work<T> work) {
        // SQLite has one writer at a time and every transaction here starts IMMEDIATE (takes the write
        // lock). Queueing on a Java lock beats SQLite's busy handler, which polls with sleeps of up to
        // 100 ms and makes ack latency jump under load. The lock is not fair: a fair lock's hand-offs
        // cost more (bench scenario 2 p99 went from 8 ms unfair to 68 ms fair).
        writeLock.lock();
        try {
            Optional<String> moved = fileChanged();
            if (moved.isPresent()) {
                throw new DatabaseUnavailableException(moved.get());
            }
            T result = writer.inTransaction(handle -> work.run(new JdbiRepositories(handle)));
            writeFailure = null;
            return result;
        } catch (RuntimeException e) {
            if (isDatabaseFailure(e)) {
                writeFailure = "database writes fail: " + rootMessage(e);
            }
            throw e;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * @return why the database cannot be trusted: its file was deleted or replaced since it was opened,
     *         or the last write failed in SQLite (until a write succeeds); empty when fine
     */
    @Override
    public Optional<String> problem() {
        Optional<String> moved = fileChanged();
        return moved.isPresent() ? moved : Optional.ofNullable(writeFailure);
    }

    private Optional<String> fileChanged() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Objects.equals(now, fileKey) ? Optional.empty()
                    : Optional.of("database file " + file + " was replaced since it was opened");
        } catch (NoSuchFileException e) {
            return Optional.of("database file " + file + " was deleted since it was opened");
        } catch (IOException e) {
            return Optional.of("database file " + file + " cannot be checked: " + e.getMessage());
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return true when SQLite itself failed (full, read-only, I/O, cannot open), not the work's logic */
    static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException) {
                return false;
            }
            if (t instanceof org.sqlite.SQLiteException s) {
                String code = s.getResultCode().name();
                return code.startsWith("SQLITE_FULL") || code.startsWith("SQLITE_READONLY")
                        || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")
                        || code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * Runs {@code work} in a deferred transaction on the read pool: it takes neither the Java write
     * lock nor SQLite's, sees the database as committed when its first statement ran, and does not
     * see the writes of a transaction still open on another thread.
     *
     * @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException when the work writes
     *         (SQLite: "attempt to write a readonly database")
     */
    @Override
    public <T> T read(Work<T> work) {
        return reader.inTransaction(handle -> work.run(new JdbiRepositories(handle)));
    }

    /** Closes both pools; the last connection to close checkpoints the write-ahead log into the file. */
    @Override
    public void close() {
        try {
            reads.close();
        } finally {
            writes.close();
        }
    }
}
