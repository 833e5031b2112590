package io.incidentbot.store;

import java.time.Instant;

/**
 * The storage side of replay protection (like {@link Retention} and {@link Leader}, a service over the repositories
 * that owns its transactions, so the Slack front door holds no transaction of its own): the signatures of accepted
 * requests, remembered across replicas.
 */
public final class RequestReplays {
    private final Storage storage;

    /** @param storage the database */
    public RequestReplays(Storage storage) {
        this.storage = storage;
    }

    /**
     * Remembers a signature in one transaction committed before the caller acts ({@code INSERT ... ON CONFLICT DO
     * NOTHING}), so two replicas racing on one replayed request cannot both act.
     *
     * @param signature   the request's {@code X-Slack-Signature} ({@code v0=<hex>})
     * @param now         when it was accepted
     * @param pruneBefore when not null, signatures accepted before this time are deleted in the same transaction
     * @return true the first time the signature is remembered, false when it already was (a replay)
     * @throws RuntimeException when the database fails
     */
    public boolean remember(String signature, Instant now, Instant pruneBefore) {
        return storage.transaction(r -> {
            if (pruneBefore != null) {
                r.requestSignatures().pruneBefore(pruneBefore);
            }
            return r.requestSignatures().remember(signature, now);
        });
    }

    /** Forgets a signature (its request failed on our side, so a retry of it is not a replay). */
    public void forget(String signature) {
        storage.run(r -> r.requestSignatures().forget(signature));
    }
}
