package io.incidentbot.incident;

import io.incidentbot.store.Repositories;

import java.time.Instant;

/**
 * One use case's transaction: the repositories bound to it, the time it runs at, the facts it records and
 * what must run once it has committed. Made by {@link Transactions#run}; a PostgreSQL transaction run again
 * after a serialization failure gets a new, empty unit of work, so nothing is recorded or run twice.
 */
public interface UnitOfWork {
    /** @return the repositories bound to this transaction */
    Repositories repositories();

    /** @return the time of this unit of work, read once from the clock when it began */
    Instant now();

    /**
     * Hands {@code event} to every registered {@link IncidentSubscriber}, synchronously and in registration
     * order, inside this transaction: the jobs they enqueue commit (or roll back) with the change.
     *
     * @throws RuntimeException whatever a subscriber threw; the transaction then rolls back
     */
    void record(IncidentEvent event);

    /**
     * Runs {@code action} inside this transaction once the use case has recorded all its events, just before
     * the commit (never when the use case threw): a subscriber that gathers what one action recorded (the Slack
     * adapter's one channel post per action) enqueues it there. Actions run in the order registered; one that
     * throws rolls the transaction back.
     */
    void beforeCommit(Runnable action);

    /**
     * Takes this replica's turn to number a new incident, before the incident counter is touched. Declares of one
     * replica number incidents one at a time: on PostgreSQL the counter's row lock serializes them anyway, and a
     * declare that waits for its turn outside the transaction holds no pooled connection while it waits. When
     * another declare has the turn, this throws, the transaction rolls back, and {@link Transactions#run} runs the
     * whole use case again once the turn is free (a new, empty unit of work).
     */
    void numberIncident();

    /**
     * Runs {@code action} once after this transaction commits (never when it rolls back). Actions run in the
     * order registered; one that throws is logged and does not stop the others.
     */
    void afterCommit(Runnable action);

    /**
     * Runs {@code action} once when this unit of work ends without committing: the use case or a subscriber
     * threw, the commit failed, or the database rolled the transaction back to run it again from a new unit of
     * work. A subscriber that keeps state per unit of work drops it here. Actions run in the order registered;
     * one that throws is logged and does not stop the others.
     */
    void afterRollback(Runnable action);
}
