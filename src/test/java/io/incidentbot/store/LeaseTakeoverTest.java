package io.incidentbot.store;

import io.incidentbot.outbox.OutboxJob;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A holder killed with kill -9 loses its leases at once when its ID shows its process is gone; a live
 * holder, another host's, and an ID of the old format keep theirs until they expire.
 */
class LeaseTakeoverTest {
    private static final Duration LEASE = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicInteger wakeups = new AtomicInteger();

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** @return the ID a process of this host had, which has exited since */
    private static String deadProcessHolder() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        long started = p.info().startInstant().orElseThrow().toEpochMilli();
        p.destroyForcibly();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        HolderId me = HolderId.newForThisProcess();
        return new HolderId(p.pid(), me.host(), started, me.namespace(), "deadbeef").toString();
    }

    /** A job leased by each holder (one incident each) and the named lease {@code name-<i>}. */
    private void leaseTo(List<String> holders) {
        Instant now = clock.instant();
        for (int i = 0; i < holders.size(); i++) {
            int n = i;
            storage.run(r -> {
                r.outbox().enqueue(n + 1, "slack", "POST", "{}", now);
                r.outbox().claim(now, holders.get(n), now.plus(LEASE), 1);
                r.leases().acquire("work-" + n, holders.get(n), now, now.plus(LEASE));
            });
        }
    }

    private List<Long> claimableIncidents() {
        Instant now = clock.instant();
        return storage.transaction(r -> r.outbox().claim(now, "newcomer", now.plus(LEASE), 10)).stream()
                .map(OutboxJob::incident).sorted().toList();
    }

    private boolean acquire(String name, Instant now) {
        return storage.transaction(r -> r.leases().acquire(name, "newcomer", now, now.plus(LEASE)));
    }

    @Test
    void onPostgresOnlyTheHolderWhoseProcessOnThisHostIsGoneLosesItsLeases() throws Exception {
        String dead = deadProcessHolder();
        String live = HolderId.newForThisProcess().toString();
        HolderId me = HolderId.parse(live).orElseThrow();
        String otherHost = new HolderId(me.pid(), "elsewhere", me.startedMs(), me.namespace(), "abcdef01").toString();
        String reusedPid = new HolderId(me.pid(), me.host(), me.startedMs() - 60_000, me.namespace(), "abcdef02").toString();
        leaseTo(List.of(dead, live, otherHost, "1234@oldformat-1a2b3c4d", reusedPid));
        clock.advance(Duration.ofSeconds(1));

        List<String> taken = new LeaseTakeover(storage, clock, false, wakeups::incrementAndGet).run();

        assertThat(taken).containsExactlyInAnyOrder(dead, reusedPid);
        assertThat(claimableIncidents()).as("the dead holder's job and the reused PID's job").containsExactly(1L, 5L);
        Instant now = clock.instant();
        assertThat(acquire("work-0", now)).isTrue();
        assertThat(acquire("work-2", now))
                .as("another host's lease expires as designed").isFalse();
        assertThat(wakeups).hasValue(1);
    }

    @Test
    void onSqliteAStartingBotOwnsEveryLeaseNotHeldByThisProcess() {
        String live = HolderId.newForThisProcess().toString();
        leaseTo(List.of("4242@otherhost/1/1-0badf00d", live, "1234@oldformat-1a2b3c4d"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(new LeaseTakeover(storage, clock, true, wakeups::incrementAndGet).run()).hasSize(2);

        assertThat(claimableIncidents()).containsExactly(1L, 3L);
        assertThat(wakeups).hasValue(1);
    }

    @Test
    void anIdNamesItsProcessAndReadsBack() {
        HolderId id = HolderId.newForThisProcess();
        assertThat(HolderId.parse(id.toString())).contains(id);
        assertThat(id.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(id.isThisProcess()).isTrue();
        assertThat(id.isGone()).isFalse();
        assertThat(HolderId.parse("4242@host-1a2b3c4d")).as("the 0.2 format").isEmpty();
    }
}
