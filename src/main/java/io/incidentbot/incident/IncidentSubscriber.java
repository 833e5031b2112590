package io.incidentbot.incident;

/**
 * An integration that reacts to incident events (the Slack adapter, a pager, a status page, a tracker): a
 * port in the domain's language, implemented outside the domain and registered once in the wiring
 * ({@code Bot}). It is called inside the transaction that recorded the event, so whatever it enqueues
 * (through {@code work.repositories().outbox()}) commits with the change or not at all.
 */
@FunctionalInterface
public interface IncidentSubscriber {
    /**
     * Reacts to one event: reads what it needs through {@code work.repositories()} (the incident as the
     * transaction sees it, after the change) and enqueues its own outbox jobs there. It must make no outside
     * call: the transaction may still roll back, or run again.
     *
     * @param work  the recording transaction
     * @param event the fact recorded
     */
    void on(UnitOfWork work, IncidentEvent event);
}
