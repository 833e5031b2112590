package io.incidentbot.store;

import java.time.Instant;

/**
 * Named leases in the database (table {@code lease}): at most one holder per name until the lease
 * expires. The building block of {@link Leader}; the same rows and SQL on SQLite and PostgreSQL.
 */
public interface Leases {
    /**
     * Takes or renews the lease {@code name} for {@code holder} until {@code until}: succeeds when
     * nobody holds it, when its last holder's lease expired before {@code now}, or when {@code holder}
     * already holds it ({@code UPDATE lease SET holder = ?, held_until = ? WHERE name = ? AND
     * (held_until < now OR holder = ?)}).
     *
     * @param name   what the lease is for, e.g. {@code backfill}
     * @param holder the replica's ID (see {@link Leader#holder()})
     * @return true when {@code holder} now holds the lease
     */
    boolean acquire(String name, String holder, Instant now, Instant until);

    /** Gives the lease up early (on shutdown) when {@code holder} holds it. */
    void release(String name, String holder);

    /**
     * @return the holders of leases still running at {@code now}: named leases and outbox job leases
     *         ({@code outbox.lease_holder} of pending jobs) alike
     */
    java.util.Set<String> holders(Instant now);

    /**
     * Ends every lease {@code holder} holds, named and outbox job leases alike, so the next claim takes
     * them at once: for a holder whose process is gone ({@link LeaseTakeover}).
     *
     * @return how many leases ended
     */
    int endAll(String holder);
}
