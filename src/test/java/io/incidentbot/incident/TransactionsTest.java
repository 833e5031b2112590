package io.incidentbot.incident;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Units of work against a real SQLite file: subscribers get each event inside the transaction that recorded
 * it, their jobs commit or roll back with it, and after-commit actions run once, only after a commit, even
 * when the database runs the transaction again.
 */
class TransactionsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(T0);
    private final List<IncidentEvent> seen = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();

    /** A subscriber that enqueues one job of its own per event, as an integration does. */
    private final IncidentSubscriber pager = (work, event) -> {
        seen.add(event);
        work.repositories().outbox().enqueue(event.incident(), "pager", "trigger", "{\"v\":1}", work.now());
    };

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long pagerJobs() {
        return storage.read(r -> r.outbox().pendingByKind()).entrySet().stream()
                .filter(e -> e.getKey().subscriber().equals("pager")).mapToLong(java.util.Map.Entry::getValue).sum();
    }

    @Test
    void aDeclareReachesEverySubscriberInsideItsTransactionAndTheAfterCommitActionsRunOnce() {
        Transactions tx = new Transactions(storage, List.of(pager), clock).afterEachCommit(() -> ran.add("wake"));
        IncidentService incidents = new IncidentService(tx);

        Incident inc = incidents.declare(new Declaration("Checkout down", Severity.SEV2, null, false, "UALICE001", null));

        assertThat(seen).singleElement().isEqualTo(new IncidentEvent.Declared(inc.number(), "UALICE001", Severity.SEV2,
                "Checkout down", false, false, T0));
        assertThat(pagerJobs()).isEqualTo(1);
        assertThat(ran).containsExactly("wake");
    }

    @Test
    void aUseCaseThatFailsAfterRecordingLeavesNoJobAndRunsNoAfterCommitAction() {
        Transactions tx = new Transactions(storage, List.of(pager), clock).afterEachCommit(() -> ran.add("wake"));

        assertThatThrownBy(() -> tx.run(w -> {
            w.record(new IncidentEvent.NoteAdded(7, "UALICE001", "db is back", w.now()));
            w.afterCommit(() -> ran.add("audit"));
            throw new IncidentException.NotFound(7);
        })).isInstanceOf(IncidentException.NotFound.class);

        assertThat(seen).hasSize(1);
        assertThat(pagerJobs()).isZero();
        assertThat(ran).isEmpty();
    }

    @Test
    void aTransactionTheDatabaseRunsAgainStartsFromAnEmptyUnitOfWork() {
        Storage retriesOnce = new RetriesOnce(storage);
        Transactions tx = new Transactions(retriesOnce, List.of(pager), clock).afterEachCommit(() -> ran.add("wake"));

        tx.run(w -> {
            w.record(new IncidentEvent.NoteAdded(7, "UALICE001", "db is back", w.now()));
            w.afterCommit(() -> ran.add("audit"));
            return null;
        });

        assertThat(seen).as("the subscriber saw both attempts").hasSize(2);
        assertThat(pagerJobs()).as("only the committed attempt's job is stored").isEqualTo(1);
        assertThat(ran).as("after-commit actions of the committed attempt only").containsExactly("audit", "wake");
    }

    @Test
    void afterRollbackActionsRunForEveryUnitOfWorkThatDidNotCommitAndOnlyForThose() {
        Transactions tx = new Transactions(new RetriesOnce(storage), List.of(pager), clock);
        int[] attempt = {0};

        tx.run(w -> {
            int n = ++attempt[0];
            w.afterRollback(() -> ran.add("rolled back " + n));
            w.afterCommit(() -> ran.add("committed " + n));
            return null;
        });
        assertThat(ran).as("the attempt the database ran again, then the committed one")
                .containsExactly("rolled back 1", "committed 2");

        ran.clear();
        assertThatThrownBy(() -> tx.run(w -> {
            int n = ++attempt[0];
            w.afterRollback(() -> ran.add("rolled back " + n));
            throw new IncidentException.NotFound(7);
        })).isInstanceOf(IncidentException.NotFound.class);
        assertThat(ran).as("a unit of work whose use case threw").containsExactly("rolled back 3");
    }

    /** A storage that rolls the first attempt of each transaction back and runs it again, as PostgreSQL may. */
    private record RetriesOnce(Storage delegate) implements Storage {
        private static final class Abort extends RuntimeException {
        }

        @Override
        public <T> T transaction(Work<T> work) {
            try {
                delegate.transaction((Repositories r) -> {
                    work.run(r);
                    throw new Abort();
                });
            } catch (Abort aborted) {
                // serialization failure: run it again
            }
            return delegate.transaction(work);
        }

        @Override
        public void close() {
        }
    }
}
