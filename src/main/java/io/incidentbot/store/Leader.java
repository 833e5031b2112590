package io.incidentbot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs periodic work on one replica at a time. Every replica schedules the same work; each run first
 * takes (or renews) a named lease row ({@link Leases}) and skips the work when another live replica
 * holds it. When the holder dies its lease expires and the next replica to try takes over.
 *
 * <p>For scheduled work of other features (reminders, ...): on every replica,
 * {@code scheduler.scheduleWithFixedDelay(leader.every("reminders", period, lease, reminders::run),
 * first, lease.dividedBy(3), MILLISECONDS)}: every tick renews the lease of the replica that holds it
 * (so a short lease, e.g. 30 s, stays with a live holder), the work runs on the holder once per
 * period, and a replica that takes the lease over from a dead one runs the work at once. On SQLite
 * (one replica) the lease is always taken: the same code path.
 */
public final class Leader {
    private static final Logger log = LoggerFactory.getLogger(Leader.class);

    private final Storage storage;
    private final Clock clock;
    private final String holder;

    /**
     * @param holder this replica's ID, unique among the replicas (see {@link #newHolderId()})
     */
    public Leader(Storage storage, Clock clock, String holder) {
        this.storage = storage;
        this.clock = clock;
        this.holder = holder;
    }

    /**
     * @return a fresh replica ID naming this process ({@link HolderId}: PID, host, start time, PID namespace,
     *         random suffix), so a restarted replica is new and a dead one can be recognised
     */
    public static String newHolderId() {
        return HolderId.newForThisProcess().toString();
    }

    /** @return this replica's ID, as written in lease rows and outbox leases */
    public String holder() {
        return holder;
    }

    /**
     * Takes or renews lease {@code name} for {@code ttl} from now.
     *
     * @return true when this replica holds it now and may do the work
     */
    public boolean tryLead(String name, Duration ttl) {
        Instant now = clock.instant();
        return storage.transaction(r -> r.leases().acquire(name, holder, now, now.plus(ttl)));
    }

    /**
     * @return a task that runs {@code work} only while this replica holds lease {@code name}
     *         (renewed for {@code ttl} at each run); a failure to reach the database skips the run
     */
    public Runnable whenLeading(String name, Duration ttl, Runnable work) {
        return () -> {
            boolean leading;
            try {
                leading = tryLead(name, ttl);
            } catch (RuntimeException e) {
                StorageUnavailableException.warnUnlessOutage(log, e, "cannot take lease " + name + "; skipping this run: {}");
                return;
            }
            if (leading) {
                work.run();
            } else {
                log.debug("lease {} held by another replica; skipping", name);
            }
        };
    }

    /**
     * A tick for a scheduler that runs it every {@code lease / 3} or so: takes or renews lease
     * {@code name} for {@code lease}; while this replica holds it, runs {@code work} at the first tick
     * and then once every {@code period}. Losing the lease (this replica was paused longer than the
     * lease) forgets the last run, so regaining it runs the work at once. A database error skips the tick.
     *
     * @param period time between runs of {@code work} on the holder
     * @param lease  how long the lease outlives a holder that stops renewing it
     */
    public Runnable every(String name, Duration period, Duration lease, Runnable work) {
        Instant[] lastRun = {null};
        return () -> {
            boolean leading;
            try {
                leading = tryLead(name, lease);
            } catch (RuntimeException e) {
                StorageUnavailableException.warnUnlessOutage(log, e, "cannot take lease " + name + "; skipping this tick: {}");
                return;
            }
            if (!leading) {
                lastRun[0] = null;
                return;
            }
            Instant now = clock.instant();
            if (lastRun[0] == null || Duration.between(lastRun[0], now).compareTo(period) >= 0) {
                lastRun[0] = now;
                work.run();
            }
        };
    }

    /** Releases lease {@code name} if this replica holds it (on shutdown, so another takes over at once). */
    public void release(String name) {
        try {
            storage.run(r -> r.leases().release(name, holder));
        } catch (RuntimeException e) {
            log.debug("could not release lease {}: {}", name, e.toString());
        }
    }
}
