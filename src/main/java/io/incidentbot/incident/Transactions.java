package io.incidentbot.incident;

import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Runs use cases in units of work: one database transaction each, whose recorded {@link IncidentEvent}s go to
 * every {@link IncidentSubscriber} inside it, and whose after-commit actions (plus those registered once with
 * {@link #afterEachCommit}, e.g. waking the outbox worker) run once it committed.
 */
public final class Transactions {
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);

    private final Storage storage;
    private final List<IncidentSubscriber> subscribers;
    private final Clock clock;
    private final List<Runnable> afterEachCommit = new CopyOnWriteArrayList<>();
    private final NumberingTurns numbering = new NumberingTurns();

    /**
     * @param storage     the database
     * @param subscribers told each recorded event, in this order
     * @param clock       the time of each unit of work
     */
    public Transactions(Storage storage, List<IncidentSubscriber> subscribers, Clock clock) {
        this.storage = storage;
        this.subscribers = new CopyOnWriteArrayList<>(subscribers);
        this.clock = clock;
    }

    /** A unit of work runner with no subscriber (tests, tools that only write state). */
    public static Transactions withoutSubscribers(Storage storage, Clock clock) {
        return new Transactions(storage, List.of(), clock);
    }

    /**
     * Registers a subscriber after construction (the wiring builds some subscribers from services that need
     * this object). Events recorded from then on reach it.
     *
     * @return this
     */
    public Transactions subscribe(IncidentSubscriber subscriber) {
        subscribers.add(subscriber);
        return this;
    }

    /**
     * Registers {@code action} to run after every commit of {@link #run} (e.g. waking the outbox worker).
     *
     * @return this
     */
    public Transactions afterEachCommit(Runnable action) {
        afterEachCommit.add(action);
        return this;
    }

    /** @return the database these units of work run on */
    public Storage storage() {
        return storage;
    }

    /** @return the clock units of work read their time from */
    public Clock clock() {
        return clock;
    }

    /**
     * Runs {@code work} in one transaction, commits it, then runs its after-commit actions and those of
     * {@link #afterEachCommit}. On PostgreSQL a transaction aborted for a conflict runs again from a new,
     * empty unit of work (with a new {@link UnitOfWork#now()}). A use case that declares while another declare of
     * this replica is numbering its incident ({@link UnitOfWork#numberIncident()}) rolls back, waits for its turn
     * without holding a database connection ({@link NumberingTurns}) and runs again. The after-rollback actions of
     * every unit of work that did not commit run before this returns or throws.
     *
     * @return what the work returned
     * @throws RuntimeException whatever the work or a subscriber threw, after rolling back
     */
    public <T> T run(Function<UnitOfWork, T> work) {
        NumberingTurns.Turn turn = numbering.turn();
        try {
            try {
                return runOnce(work, turn);
            } catch (NumberingTurns.Queued queued) {
                turn.await();
                return runOnce(work, turn);
            }
        } finally {
            turn.release();
        }
    }

    private <T> T runOnce(Function<UnitOfWork, T> work, NumberingTurns.Turn turn) {
        List<Unit> units = new ArrayList<>(1);
        T result;
        try {
            result = storage.transaction(r -> {
                Unit unit = new Unit(r, clock.instant(), turn);
                units.add(unit);
                T done = work.apply(unit);
                for (int i = 0; i < unit.beforeCommit.size(); i++) {
                    unit.beforeCommit.get(i).run();
                }
                return done;
            });
        } catch (RuntimeException | Error e) {
            units.forEach(u -> runAll(u.afterRollback, "after-rollback action failed"));
            throw e;
        }
        Unit committed = units.remove(units.size() - 1);
        units.forEach(u -> runAll(u.afterRollback, "after-rollback action failed"));
        List<Runnable> actions = new ArrayList<>(committed.afterCommit);
        actions.addAll(afterEachCommit);
        runAll(actions, "after-commit action failed (the change is committed)");
        return result;
    }

    private static void runAll(List<Runnable> actions, String what) {
        for (Runnable a : actions) {
            try {
                a.run();
            } catch (RuntimeException e) {
                log.warn("{}: {}", what, e.toString());
            }
        }
    }

    private final class Unit implements UnitOfWork {
        private final Repositories repositories;
        private final Instant now;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> beforeCommit = new ArrayList<>();
        private final List<Runnable> afterRollback = new ArrayList<>();
        private final NumberingTurns.Turn turn;

        Unit(Repositories repositories, Instant now, NumberingTurns.Turn turn) {
            this.repositories = repositories;
            this.now = now;
            this.turn = turn;
        }

        @Override
        public void numberIncident() {
            turn.takeNow();
        }

        @Override
        public Repositories repositories() {
            return repositories;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void record(IncidentEvent event) {
            for (IncidentSubscriber s : subscribers) {
                s.on(this, event);
            }
        }

        @Override
        public void beforeCommit(Runnable action) {
            beforeCommit.add(action);
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        @Override
        public void afterRollback(Runnable action) {
            afterRollback.add(action);
        }
    }
}
