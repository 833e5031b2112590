package io.incidentbot.store;

import io.incidentbot.changes.Change;

import java.time.Instant;
import java.util.List;

/** Stored changes (issue 12) and the GitHub deliveries already processed. */
public interface ChangeRepository {

    /**
     * Stores a change unless one with the same source and external ID is stored.
     *
     * @param receivedAt when it arrived
     * @return true when stored now, false for a duplicate
     */
    boolean add(Change change, Instant receivedAt);

    /**
     * @param from  earliest time, inclusive
     * @param to    latest time, inclusive
     * @param limit most changes to return
     * @return changes with their own time in [from, to], most recent first
     */
    List<Change> between(Instant from, Instant to, int limit);

    /** @return how many changes have their own time in [from, to] */
    long countBetween(Instant from, Instant to);

    /**
     * Records an {@code X-GitHub-Delivery} ID.
     *
     * @return true the first time, false when the delivery was processed before
     */
    boolean firstDelivery(String deliveryId, Instant at);
}
