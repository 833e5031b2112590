package io.incidentbot.storage.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import io.incidentbot.retry.Backoff;
import io.incidentbot.store.Storage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Storage} on JDBI over SQLite or PostgreSQL: the transaction mechanics, with the repositories of
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
 *   <li>PostgreSQL writes run {@code SERIALIZABLE}, so every transaction the services write behaves
 *       as on SQLite's single writer, whichever replica runs it; one that PostgreSQL aborts for a
 *       serialization failure or a deadlock (SQL state {@code 40001}, {@code 40P01}) is run again, up
 *       to {@value #PG_ATTEMPTS} times, after the shared {@link Backoff}; one whose lock wait ran out
 *       ({@code lock_timeout}, {@code 55P03}) once more. Work must therefore touch
 *       nothing but the repositories (it does: side effects come after the commit).</li>
 *   <li>On SQLite the file is watched ({@link SqliteFileWatch}): a file deleted or replaced under the
 *       bot, or writes that fail in SQLite (full disk, read-only), refuse further writes and are
 *       reported by {@link #problem()} until a write succeeds.</li>
 *   <li>Both databases: the statements that record Events API events are plain JDBC, each prepared once
 *       per transaction ({@link PreparedCache}).</li>
 *   <li>The pragmas set on every connection: {@code journal_mode=WAL}, {@code synchronous=NORMAL},
 *       {@code busy_timeout}, {@code foreign_keys}.</li>
 *   <li>The Flyway migrations in {@code db/sqlite} use SQLite DDL (portable ones go in {@code db/common}) ({@code AUTOINCREMENT}); another
 *       database gets its own folder (Flyway's {@code {vendor}} placeholder in the location).</li>
 * </ul>
 */
public final class JdbiStorage implements Storage {
    private final HikariDataSource writes;
    private final HikariDataSource reads;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock;
    private final DataSource pool;
    private final SqliteFileWatch watch;
    private final Duration background;
    private final PostgresOutage outage = new PostgresOutage(this::probe, PostgresOutage.TRIAL_EVERY);
    private static final int PG_ATTEMPTS = 30;
    /** A transaction whose lock wait ran out ({@code lock_timeout}, SQL state 55P03) is run once more. */
    private static final int LOCK_TIMEOUT_ATTEMPTS = 2;
    private static final Backoff SERIALIZATION_BACKOFF = new Backoff(Duration.ofMillis(2), Duration.ofMillis(200));

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
        this.writes = writes;
        this.reads = reads;
        this.writer = Jdbi.create(writes);
        this.reader = Jdbi.create(reads);
        this.writeLock = new ReentrantLock();
        this.pool = writes;
        this.watch = new SqliteFileWatch(file);
        this.background = null;
    }

    /**
     * PostgreSQL: one pool for reads and writes; no Java lock (row locks and serializable isolation).
     *
     * @param pool a migrated PostgreSQL data source (closed by {@link #close()})
     */
    public JdbiStorage(HikariDataSource pool) {
        this(pool, DatabaseTimeouts.DEFAULT.background());
    }

    /**
     * PostgreSQL, as {@link #JdbiStorage(HikariDataSource)}.
     *
     * @param background the statement limit of {@link #background} transactions (the pool's own is shorter)
     */
    public JdbiStorage(HikariDataSource pool, Duration background) {
        this.background = background;
        this.writes = pool;
        this.reads = null;
        this.writer = Jdbi.create(pool);
        this.reader = writer;
        this.writeLock = null;
        this.pool = pool;
        this.watch = new SqliteFileWatch(null);
    }

    /**
     * SQLite: 64. Its single writer makes concurrent writers queue anyway, and one transaction for what
     * queued costs one lock hand-off and one commit instead of dozens (bench scenario 1).
     * PostgreSQL: 1. Writers run in parallel there, and serializable transactions of replicas that record
     * events of one channel at once conflict (same participant rows, same index pages); a conflicting
     * group is rolled back and run again whole: with two replicas on one database, bench scenario 1 went
     * from about 630 events/s (each event its own transaction) to 180 with groups of up to 64.
     */
    @Override
    public int groupCommitLimit() {
        return groupCommitLimit(postgres());
    }

    /** @return {@link #groupCommitLimit()} of a storage on PostgreSQL ({@code true}) or SQLite */
    static int groupCommitLimit(boolean postgres) {
        return postgres ? 1 : 64;
    }

    /** @return true on PostgreSQL */
    public boolean postgres() {
        return writeLock == null;
    }

    /** @return the write pool (for {@link TableCopy}) */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public <T> T transaction(Work<T> work) {
        if (writeLock == null) {
            return outage.run(() -> serializable(work, null));
        }
        // SQLite has one writer at a time and every transaction here starts IMMEDIATE (takes the write
        // lock). Queueing on a Java lock beats SQLite's busy handler, which polls with sleeps of up to
        // 100 ms and makes ack latency jump under load. The lock is not fair: a fair lock's hand-offs
        // cost more (bench scenario 2 p99 went from 8 ms unfair to 68 ms fair).
        writeLock.lock();
        try {
            watch.refuseIfMoved();
            T result = writer.inTransaction(handle -> work.run(new JdbiRepositories(handle)));
            watch.writeSucceeded();
            return result;
        } catch (RuntimeException e) {
            watch.writeFailed(e);
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
        return watch.problem().or(outage::problem);
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
        if (writeLock == null) {
            return outage.run(() -> reader.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                handle.execute("SET TRANSACTION READ ONLY");
                return work.run(new JdbiRepositories(handle));
            }));
        }
        return reader.inTransaction(handle -> work.run(new JdbiRepositories(handle)));
    }

    /**
     * On PostgreSQL, {@code work}'s statements may each take up to the background limit
     * ({@code INCIDENT_DB_BACKGROUND_TIMEOUT}): {@code SET LOCAL statement_timeout} for the server and the
     * connection's network timeout for the driver (HikariCP restores it when the connection returns);
     * {@code lock_timeout} stays the serving pool's, so it never holds up requests behind a lock for long.
     */
    @Override
    public <T> T background(Work<T> work) {
        if (writeLock == null) {
            return outage.run(() -> serializable(work, background));
        }
        return transaction(work);
    }

    /** @param longer null for the serving pool's statement limits, else each statement's limit */
    private <T> T serializable(Work<T> work, Duration longer) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger lockTimeouts = new AtomicInteger();
        boolean done = SERIALIZATION_BACKOFF.retry(() -> {
            try {
                result.set(writer.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
                    if (longer != null) {
                        allowLonger(handle, longer);
                    }
                    return work.run(new JdbiRepositories(handle));
                }));
                return true;
            } catch (RuntimeException e) {
                boolean again = lockTimedOut(e) ? lockTimeouts.incrementAndGet() < LOCK_TIMEOUT_ATTEMPTS : retryable(e);
                if (!again || attempts.incrementAndGet() >= PG_ATTEMPTS) {
                    throw e;
                }
                return false;
            }
        }, d -> Thread.sleep(d.toMillis()));
        if (!done) {
            throw new IllegalStateException("interrupted while retrying a serialization failure");
        }
        return result.get();
    }

    /** Lets each statement of the transaction on {@code handle} run for up to {@code longer}. */
    private static void allowLonger(org.jdbi.v3.core.Handle handle, Duration longer) {
        try {
            handle.getConnection().setNetworkTimeout(Runnable::run, (int) longer.toMillis());
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
        handle.execute("SET LOCAL statement_timeout = " + longer.toMillis());
    }

    /** @return true when PostgreSQL aborted the transaction for a serialization failure or a deadlock */
    static boolean retryable(Throwable e) {
        return hasSqlState(e, "40001") || hasSqlState(e, "40P01");
    }

    /**
     * @return true when a lock wait ran out ({@code lock_timeout}, SQL state 55P03): on a CPU-starved host another
     *         replica's declare can hold the incident counter's row lock for longer (issue 21); the holder has
     *         usually committed by then, so one more run usually succeeds
     */
    static boolean lockTimedOut(Throwable e) {
        return hasSqlState(e, "55P03");
    }

    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** One short statement through the pool, to see whether PostgreSQL answers again. */
    private void probe() {
        writer.useHandle(h -> h.execute("SELECT 1"));
    }

    /** Closes both pools; the last connection to close checkpoints the write-ahead log into the file. */
    @Override
    public void close() {
        outage.close();
        try {
            if (reads != null) {
                reads.close();
            }
        } finally {
            writes.close();
        }
    }
}
