package io.incidentbot.storage.jdbi;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbiStorageTest extends SqliteTest {

    @Test
    void aReadCompletesWhileAnotherThreadHoldsAWriteTransactionOpenAndSeesOnlyCommittedRows() throws Exception {
        declare("committed before");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Long> write = writer.submit(() -> tx(r -> {
                long n = r.incidents().create("uncommitted", Severity.SEV1, false, null, "U1", T0).number();
                writing.countDown();
                await(mayCommit);
                return n;
            }));
            assertThat(writing.await(10, TimeUnit.SECONDS)).as("writer opened its transaction").isTrue();

            // The writer holds the Java write lock and SQLite's write lock until mayCommit opens.
            List<String> seen = CompletableFuture.supplyAsync(() -> storage.read(
                            r -> r.incidents().listAll().stream().map(Incident::title).toList()))
                    .get(10, TimeUnit.SECONDS);
            assertThat(seen).containsExactly("committed before");

            mayCommit.countDown();
            long n = write.get(10, TimeUnit.SECONDS);
            assertThat(incident(n).title()).isEqualTo("uncommitted");
        } finally {
            mayCommit.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void aReadSeesOneSnapshotEvenWhenAWriteCommitsInTheMiddleOfIt() throws Exception {
        declare("first");
        List<Integer> counts = storage.read(r -> {
            int before = r.incidents().listAll().size();
            within(CompletableFuture.runAsync(() -> declare("second")));
            return List.of(before, r.incidents().listAll().size());
        });
        assertThat(counts).containsExactly(1, 1);
        assertThat(storage.read((Repositories r) -> r.incidents().listAll()).size()).isEqualTo(2);
    }

    @Test
    void writingInAReadIsRejectedAndLeavesNothing() {
        assertThatThrownBy(() -> storage.read(r -> r.incidents().create("sneaky", Severity.SEV1, false, null, "U1", T0)))
                .hasMessageMatching("(?is).*read-?only.*");
        assertThat(allIncidents()).isEmpty();
        assertThat(declare("still writable")).isEqualTo(1);
    }

    @Test
    void aTransactionThatThrowsIsRolledBackWhole() {
        assertThatThrownBy(() -> run(r -> {
            r.incidents().create("half", Severity.SEV1, false, null, "U1", T0);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(allIncidents()).isEmpty();
    }

    @Test
    void openingStorageReadsOnceTheDatabaseIsOpen() {
        declare("from before");
        storage.close();
        try (OpeningStorage opening = new OpeningStorage(location())) {
            assertThat(opening.read(r -> r.incidents().listAll()).stream().map(Incident::title))
                    .containsExactly("from before");
        }
        storage = Database.open(location());
    }

    /** Waits at most 10 s, so a read that queued behind the write lock fails instead of hanging. */
    private static void within(Future<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the write did not complete while the read was open", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
