package io.incidentbot.storage.jdbi;

import io.incidentbot.store.Leases;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

import static io.incidentbot.storage.jdbi.Rows.micros;

/** {@link Leases} on table {@code lease}, bound to the handle of one transaction. Portable SQL. */
public final class JdbiLeases implements Leases {
    private final Handle h;

    /** @param h the handle of the caller's transaction */
    public JdbiLeases(Handle h) {
        this.h = h;
    }

    @Override
    public boolean acquire(String name, String holder, Instant now, Instant until) {
        // The insert only creates the row the first time (already expired, so anyone takes it); the
        // update is the one test-and-set: it matches when the lease is free or already ours.
        h.createUpdate("INSERT INTO lease (name, holder, held_until) VALUES (:n, '', 0) ON CONFLICT DO NOTHING")
                .bind("n", name).execute();
        return h.createUpdate("""
                UPDATE lease SET holder = :h, held_until = :until
                WHERE name = :n AND (held_until < :now OR holder = :h)""")
                .bind("h", holder).bind("until", micros(until)).bind("n", name).bind("now", micros(now))
                .execute() == 1;
    }

    @Override
    public void release(String name, String holder) {
        h.createUpdate("UPDATE lease SET held_until = 0 WHERE name = :n AND holder = :h")
                .bind("n", name).bind("h", holder).execute();
    }

    @Override
    public java.util.Set<String> holders(Instant now) {
        return new java.util.TreeSet<>(h.createQuery("""
                SELECT holder FROM lease WHERE held_until >= :now AND holder <> ''
                UNION SELECT lease_holder FROM outbox WHERE state = 'pending' AND lease_until >= :now""")
                .bind("now", micros(now)).mapTo(String.class).list());
    }

    @Override
    public int endAll(String holder) {
        int named = h.createUpdate("UPDATE lease SET held_until = 0 WHERE holder = :h").bind("h", holder).execute();
        return named + h.createUpdate("""
                UPDATE outbox SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = :h AND state = 'pending'""")
                .bind("h", holder).execute();
    }
}
