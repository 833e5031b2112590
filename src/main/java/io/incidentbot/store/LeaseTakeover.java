package io.incidentbot.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Ends at once the leases of a holder that cannot be alive, instead of waiting out its lease
 * ({@code INCIDENT_LEASE_SECONDS}) after a kill -9: its outbox jobs and its periodic work
 * ({@link Leader}, e.g. {@code backfill}) are taken by the next claim.
 *
 * <ul>
 *   <li>On SQLite one process owns the file: every holder that is not this JVM is gone (a starting bot
 *       owns the file's leases).</li>
 *   <li>On PostgreSQL a holder is gone when its {@link HolderId} names this host and PID namespace and
 *       its process no longer runs ({@link HolderId#isGone()}). Other hosts' leases, and IDs in the old
 *       format, expire as designed.</li>
 * </ul>
 * Run it before the worker starts and then every few seconds; each run is one read and, for each gone
 * holder, one short write transaction.
 */
public final class LeaseTakeover {
    private static final Logger log = LoggerFactory.getLogger(LeaseTakeover.class);

    private final Storage storage;
    private final Clock clock;
    private final boolean singleProcess;
    private final Runnable afterTakeover;

    /**
     * @param singleProcess true on SQLite: every lease not held by this JVM is taken over
     * @param afterTakeover run after leases were ended, e.g. to wake the outbox worker
     */
    public LeaseTakeover(Storage storage, Clock clock, boolean singleProcess, Runnable afterTakeover) {
        this.storage = storage;
        this.clock = clock;
        this.singleProcess = singleProcess;
        this.afterTakeover = afterTakeover;
    }

    /**
     * Ends the leases of every holder known to be gone.
     *
     * @return the holders whose leases were ended
     * @throws RuntimeException when the database cannot be reached
     */
    public List<String> run() {
        List<String> gone = storage.read(r -> r.leases().holders(clock.instant())).stream()
                .filter(this::gone).toList();
        for (String holder : gone) {
            int ended = storage.transaction(r -> r.leases().endAll(holder));
            log.info("took over {} lease(s) of {}: its process is gone", ended, holder);
        }
        if (!gone.isEmpty()) {
            afterTakeover.run();
        }
        return gone;
    }

    /** As {@link #run()} for a scheduler: a database error skips this run (logged at debug). */
    public void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            log.debug("lease takeover skipped: {}", e.toString());
        }
    }

    private boolean gone(String holder) {
        Optional<HolderId> id = HolderId.parse(holder);
        if (singleProcess) {
            return id.map(h -> !h.isThisProcess()).orElse(true);
        }
        return id.map(HolderId::isGone).orElse(false);
    }
}
