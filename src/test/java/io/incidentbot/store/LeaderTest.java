package io.incidentbot.store;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Periodic work on one of two replicas at a time, moving when its holder dies (a settable clock). */
class LeaderTest {
    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<String> runs = new ArrayList<>();

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Runnable replica(String name) {
        return new Leader(storage, clock, name).every("backfill", PERIOD, LEASE, () -> runs.add(name));
    }

    @Test
    void onlyTheHolderRunsTheWorkOncePerPeriodAndAnotherReplicaTakesOverWhenItDies() {
        Runnable a = replica("a");
        Runnable b = replica("b");
        a.run();
        b.run();
        assertThat(runs).containsExactly("a");

        for (int tick = 0; tick < 30; tick++) { // ten ticks a lease, five minutes
            clock.advance(Duration.ofSeconds(10));
            a.run();
            b.run();
        }
        assertThat(runs).as("a renewed its lease at every tick and ran again after a period").containsExactly("a", "a");

        // a dies: it stops ticking. b takes over once a's lease has run out, and runs at once.
        clock.advance(LEASE);
        b.run();
        assertThat(runs).containsExactly("a", "a");
        clock.advance(Duration.ofSeconds(1));
        b.run();
        assertThat(runs).containsExactly("a", "a", "b");
    }

    @Test
    void aReleasedLeaseMovesAtTheNextTick() {
        Leader a = new Leader(storage, clock, "a");
        Runnable tickA = a.every("backfill", PERIOD, LEASE, () -> runs.add("a"));
        Runnable b = replica("b");
        tickA.run();
        a.release("backfill");
        b.run();
        assertThat(runs).containsExactly("a", "b");
    }
}
