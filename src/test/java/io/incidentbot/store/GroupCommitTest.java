package io.incidentbot.store;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit on a real SQLite file: writes that arrive while a commit is under way share the next
 * transaction, nobody returns before its write is committed, and one failing write does not take the
 * others down with it.
 */
class GroupCommitTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private Counting counting;
    private GroupCommit commits;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        counting = new Counting(storage);
        commits = new GroupCommit(counting, 64);
    }

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        storage.close();
    }

    /** Starts a write that holds the first transaction open until {@link #release} opens. */
    private CompletableFuture<Boolean> blockingFirstWrite() {
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> commits.transaction(r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return r.events().markProcessed("Ev-first", NOW);
        }), pool);
        SlackStandIn.await("the first write to hold the transaction", 10, () -> counting.started.get() == 1);
        return first;
    }

    private CompletableFuture<Boolean> write(String eventId) {
        return CompletableFuture.supplyAsync(() -> commits.transaction(r -> r.events().markProcessed(eventId, NOW)), pool);
    }

    /** @return true when {@code eventId} is committed, read on a connection of its own (no write lock) */
    private boolean stored(String eventId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
             PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesArrivingDuringACommitShareTheNextTransactionAndReturnOnlyOnceItCommitted() throws Exception {
        CompletableFuture<Boolean> first = blockingFirstWrite();
        List<CompletableFuture<Boolean>> later = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            later.add(write("Ev-" + i));
        }
        SlackStandIn.await("20 writes queued behind the open transaction", 10, () -> commits.queued() == 20);
        assertThat(later).noneMatch(CompletableFuture::isDone);
        assertThat(stored("Ev-0")).isFalse();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        for (CompletableFuture<Boolean> f : later) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(counting.started.get()).as("one transaction for the first write, one for the 20 queued").isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            assertThat(stored("Ev-" + i)).isTrue();
        }
    }

    @Test
    void theSameEventTwiceInOneBatchIsStoredOnceAndTheSecondCallerHearsItIsADuplicate() throws Exception {
        CompletableFuture<Boolean> first = blockingFirstWrite();
        CompletableFuture<Boolean> a = write("Ev-twice");
        CompletableFuture<Boolean> b = write("Ev-twice");
        SlackStandIn.await("both queued", 10, () -> commits.queued() == 2);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS))).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aWriteThatFailsGetsItsOwnErrorAndTheOthersOfItsBatchAreCommitted() throws Exception {
        CompletableFuture<Boolean> first = blockingFirstWrite();
        CompletableFuture<Boolean> before = write("Ev-before");
        SlackStandIn.await("queued", 10, () -> commits.queued() == 1);
        CompletableFuture<Boolean> failing = CompletableFuture.supplyAsync(() -> commits.transaction(r -> {
            r.events().markProcessed("Ev-failing", NOW);
            throw new IllegalStateException("refused by the domain");
        }), pool);
        SlackStandIn.await("queued", 10, () -> commits.queued() == 2);
        CompletableFuture<Boolean> after = write("Ev-after");
        SlackStandIn.await("queued", 10, () -> commits.queued() == 3);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(before.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(after.get(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("refused by the domain");
        assertThat(stored("Ev-before")).isTrue();
        assertThat(stored("Ev-after")).isTrue();
        assertThat(stored("Ev-failing")).as("the failing write's own change was rolled back").isFalse();
    }

    @Test
    void whenTheSharedTransactionFailsEveryCallerOfTheBatchHearsItAndNothingIsCommitted() throws Exception {
        CompletableFuture<Boolean> first = blockingFirstWrite();
        List<CompletableFuture<Boolean>> later = List.of(write("Ev-a"), write("Ev-b"), write("Ev-c"));
        SlackStandIn.await("queued", 10, () -> commits.queued() == 3);
        counting.refuseCommits.set(true);
        release.countDown();
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("commit refused");
        for (CompletableFuture<Boolean> f : later) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("commit refused");
        }
        assertThat(counting.started.get()).as("the batch was not retried one by one").isEqualTo(2);
        counting.refuseCommits.set(false);
        assertThat(stored("Ev-a") || stored("Ev-b") || stored("Ev-c") || stored("Ev-first")).isFalse();
    }

    @Test
    void aLoneWriterIsCommittedAtOnce() {
        boolean first = commits.transaction(r -> r.events().markProcessed("Ev-alone", NOW));
        assertThat(first).isTrue();
        assertThat(stored("Ev-alone")).isTrue();
        assertThat(commits.queued()).isZero();
    }

    /** The real storage, counting transactions begun and able to fail the commit after the work ran. */
    private static final class Counting implements Storage {
        final Storage real;
        final AtomicInteger started = new AtomicInteger();
        final AtomicBoolean refuseCommits = new AtomicBoolean();

        Counting(Storage real) {
            this.real = real;
        }

        @Override
        public <T> T transaction(Work<T> work) {
            started.incrementAndGet();
            return real.transaction(r -> {
                T result = work.run(r);
                if (refuseCommits.get()) {
                    throw new IllegalStateException("commit refused");
                }
                return result;
            });
        }

        @Override
        public <T> T read(Work<T> work) {
            return real.read(work);
        }

        @Override
        public void close() {
        }
    }
}
