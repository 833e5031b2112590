package io.incidentbot.storage.jdbi;

import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.outbox.OutboxJob;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbox claims and named leases: what keeps two replicas from doing one piece of work twice. */
class JdbiLeasesTest extends SqliteTest {
    private static final Instant LEASE_END = T0.plusSeconds(30);

    private long enqueue(long incident, String kind) {
        return tx(r -> r.outbox().enqueue(incident, "slack", kind, "{}", T0));
    }

    private List<Long> claim(String holder, Instant now) {
        return tx(r -> r.outbox().claim(now, holder, now.plusSeconds(30), 10)).stream().map(OutboxJob::id).toList();
    }

    @Test
    void aClaimedJobIsNotClaimedAgainNorIsTheNextJobOfItsIncidentUntilItIsDone() {
        long a1 = enqueue(1, "CREATE_CHANNEL");
        long a2 = enqueue(1, "INVITE");
        long b1 = enqueue(2, "CREATE_CHANNEL");

        assertThat(claim("replica-a", T0)).containsExactly(a1, b1);
        assertThat(claim("replica-b", T0.plusSeconds(1))).as("a1 is leased, so a2 is not the head yet").isEmpty();

        run(r -> r.outbox().markDone(a1, T0.plusSeconds(2)));
        assertThat(claim("replica-b", T0.plusSeconds(2))).containsExactly(a2);
    }

    @Test
    void aJobWhoseHolderDiedIsTakenOverWhenItsLeaseExpiresButNotBefore() {
        long a1 = enqueue(1, "CREATE_CHANNEL");
        assertThat(claim("dead", T0)).containsExactly(a1);

        assertThat(claim("alive", LEASE_END)).as("the lease still runs").isEmpty();
        assertThat(claim("alive", LEASE_END.plusMillis(1))).containsExactly(a1);
    }

    @Test
    void aRenewedLeaseKeepsTheJobAndAReleasedOneFreesItAtOnce() {
        long a1 = enqueue(1, "CREATE_CHANNEL");
        claim("a", T0);
        run(r -> r.outbox().renewLeases("a", T0.plusSeconds(90)));
        assertThat(claim("b", T0.plusSeconds(60))).isEmpty();

        run(r -> r.outbox().releaseLeases("a"));
        assertThat(claim("b", T0.plusSeconds(60))).containsExactly(a1);
    }

    @Test
    void aRetriedJobLosesItsLeaseAndIsClaimableByAnyoneWhenDue() {
        long a1 = enqueue(1, "SYNC_TOPIC");
        claim("a", T0);
        run(r -> r.outbox().retryAt(a1, T0.plusSeconds(5), "ratelimited"));
        assertThat(claim("b", T0.plusSeconds(4))).isEmpty();
        assertThat(claim("b", T0.plusSeconds(5))).containsExactly(a1);
    }

    private boolean acquire(String name, String holder, Instant now, Instant until) {
        return storage.transaction(r -> r.leases().acquire(name, holder, now, until));
    }

    @Test
    void aNamedLeaseHasOneHolderUntilItExpiresAndItsHolderRenewsIt() {
        assertThat(acquire("backfill", "a", T0, LEASE_END)).isTrue();
        assertThat(acquire("backfill", "b", T0.plusSeconds(10), T0.plusSeconds(40))).isFalse();
        assertThat(acquire("backfill", "a", T0.plusSeconds(20), T0.plusSeconds(50)))
                .as("the holder renews").isTrue();
        assertThat(acquire("reminders", "b", T0.plusSeconds(20), T0.plusSeconds(50)))
                .as("another name is another lease").isTrue();
        assertThat(acquire("backfill", "b", T0.plusSeconds(50), T0.plusSeconds(80))).isFalse();
        assertThat(acquire("backfill", "b", T0.plusSeconds(51), T0.plusSeconds(81)))
                .as("a dead holder's lease expires").isTrue();

        run(r -> r.leases().release("backfill", "b"));
        assertThat(acquire("backfill", "a", T0.plusSeconds(52), T0.plusSeconds(82))).isTrue();
    }

    private java.util.Set<String> holders(Instant now) {
        return storage.read(r -> r.leases().holders(now));
    }

    @Test
    void endingAllOfAHoldersLeasesFreesItsJobsAndItsNamedLeasesAtOnceAndNobodyElses() {
        long a1 = enqueue(1, "CREATE_CHANNEL");
        long b1 = enqueue(2, "CREATE_CHANNEL");
        assertThat(claim("dead", T0)).containsExactly(a1, b1);
        run(r -> r.outbox().markDone(b1, T0));
        assertThat(acquire("backfill", "dead", T0, LEASE_END)).isTrue();
        assertThat(acquire("reminders", "alive", T0, LEASE_END)).isTrue();

        assertThat(holders(T0.plusSeconds(1))).containsExactly("alive", "dead");
        assertThat((int) tx(r -> r.leases().endAll("dead"))).as("the backfill lease and job a1").isEqualTo(2);

        assertThat(holders(T0.plusSeconds(1))).containsExactly("alive");
        assertThat(claim("alive", T0.plusSeconds(1))).containsExactly(a1);
        assertThat(acquire("backfill", "alive", T0.plusSeconds(1), LEASE_END)).isTrue();
        assertThat(acquire("reminders", "other", T0.plusSeconds(1), LEASE_END)).as("alive's lease stays").isFalse();
    }
}
