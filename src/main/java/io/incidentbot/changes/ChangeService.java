package io.incidentbot.changes;

import io.incidentbot.store.Storage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The change use cases (issue 12): store changes once, each at its own time. */
public final class ChangeService {
    private final Storage storage;
    private final Clock clock;

    /** @param storage the database; @param clock receipt times */
    public ChangeService(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Stores changes, skipping those stored before (same source and external ID); committed on return.
     *
     * @return how many were stored now
     */
    public int record(List<Change> changes) {
        Instant now = clock.instant();
        return storage.transaction(r -> (int) changes.stream().filter(c -> r.changes().add(c, now)).count());
    }

    /**
     * Stores the changes of one GitHub delivery, once per {@code X-GitHub-Delivery} ID, in one transaction.
     *
     * @param deliveryId the delivery ID, or null when GitHub sent none (the changes' own IDs still dedupe)
     * @return how many changes were stored now (0 for a redelivery)
     */
    public int recordDelivery(String deliveryId, List<Change> changes) {
        Instant now = clock.instant();
        return storage.transaction(r -> {
            if (deliveryId != null && !r.changes().firstDelivery(deliveryId, now)) {
                return 0;
            }
            return (int) changes.stream().filter(c -> r.changes().add(c, now)).count();
        });
    }
}
