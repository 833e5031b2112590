package io.incidentbot.storage.jdbi;

import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.store.OutboxRepository.FailedJob;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiOutboxTest extends SqliteTest {

    private long enqueue(long incident, String kind, Instant at) {
        return tx(r -> r.outbox().enqueue(incident, "slack", kind, "{\"text\":\"hi\"}", at));
    }

    private List<Long> dueHeads(Instant now) {
        return storage.read(r -> r.outbox().dueHeads(now, 10)).stream().map(OutboxJob::id).toList();
    }

    @Test
    void anEnqueuedJobIsDueFromItsTimeWithItsPayload() {
        long id = enqueue(1, "POST_CHANNEL", T0);
        assertThat(dueHeads(T0.minusMillis(1))).isEmpty();
        List<OutboxJob> due = storage.read(r -> r.outbox().dueHeads(T0, 10));
        assertThat(due).containsExactly(new OutboxJob(id, 1, "slack", "POST_CHANNEL", "{\"text\":\"hi\"}", 0, T0, T0));
        assertThat(storage.read((Repositories r) -> r.outbox().pendingCount())).isEqualTo(1);
    }

    @Test
    void onlyTheOldestPendingJobOfEachIncidentIsDueAndHeadsComeInTimeOrder() {
        long a1 = enqueue(1, "CREATE_CHANNEL", T0.plusSeconds(5));
        long a2 = enqueue(1, "POST_CHANNEL", T0);
        long b1 = enqueue(2, "ANNOUNCE", T0.plusSeconds(1));
        long c1 = enqueue(0, "RESPOND", T0.plusSeconds(2));
        assertThat(dueHeads(T0.plusSeconds(10))).containsExactly(b1, c1, a1);
        assertThat(dueHeads(T0.plusSeconds(1))).as("incident 1's head is not due, so neither is a2")
                .containsExactly(b1);
        assertThat(storage.read((Repositories r) -> r.outbox().dueHeads(T0.plusSeconds(10), 2))).hasSize(2);

        run(r -> r.outbox().markDone(a1, T0.plusSeconds(6)));
        assertThat(dueHeads(T0.plusSeconds(10))).containsExactly(a2, b1, c1);
        assertThat(storage.read((Repositories r) -> r.outbox().pendingCount())).isEqualTo(3);
    }

    @Test
    void aJobBackingOffIsClaimableAgainWhenItsBackoffEndsNotWhenTheLeaseWouldHaveEnded() {
        long id = enqueue(1, "SYNC_TOPIC", T0);
        assertThat(storage.transaction((Repositories r) -> r.outbox().claim(T0, "replica-a", T0.plusSeconds(30), 10)))
                .extracting(OutboxJob::id).containsExactly(id);
        run(r -> r.outbox().backOffUntil(id, T0.plusSeconds(2), "500"));
        assertThat(storage.transaction((Repositories r) -> r.outbox().claim(T0.plusSeconds(2), "replica-a", T0.plusSeconds(32), 10)))
                .as("a failed attempt gives its lease back").extracting(OutboxJob::id).containsExactly(id);
        run(r -> r.outbox().retryAt(id, T0.plusSeconds(4), "ratelimited"));
        assertThat(storage.transaction((Repositories r) -> r.outbox().claim(T0.plusSeconds(4), "replica-b", T0.plusSeconds(34), 10)))
                .as("another replica may take it").extracting(OutboxJob::id).containsExactly(id);
    }

    @Test
    void aRetryWaitsUntilItsTimeAndCountsTheAttempt() {
        long id = enqueue(1, "SYNC_TOPIC", T0);
        enqueue(1, "POST_CHANNEL", T0);
        run(r -> {
            r.outbox().startAttempt(id);
            r.outbox().retryAt(id, T0.plusSeconds(30), "ratelimited");
        });
        assertThat(dueHeads(T0.plusSeconds(29))).as("the later job waits behind its head").isEmpty();
        List<OutboxJob> due = storage.read(r -> r.outbox().dueHeads(T0.plusSeconds(30), 10));
        assertThat(due).extracting(OutboxJob::id, OutboxJob::attempts, OutboxJob::nextAttemptAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 1, T0.plusSeconds(30)));
    }

    @Test
    void aJobGivenUpIsListedAsFailedAndTheIncidentsNextJobProceeds() {
        long a1 = enqueue(1, "INVITE", T0);
        long a2 = enqueue(1, "POST_CHANNEL", T0);
        long b1 = enqueue(2, "POST_CHANNEL", T0);
        run(r -> r.outbox().markFailed(a1, T0.plusSeconds(1), "not_in_channel"));
        run(r -> r.outbox().markFailed(b1, T0.plusSeconds(2), "channel_not_found"));

        assertThat(dueHeads(T0.plusSeconds(3))).containsExactly(a2);
        assertThat(storage.read((Repositories r) -> r.outbox().failed(10))).containsExactly(
                new FailedJob(b1, 2, "slack", "POST_CHANNEL", "channel_not_found", T0.plusSeconds(2)),
                new FailedJob(a1, 1, "slack", "INVITE", "not_in_channel", T0.plusSeconds(1)));
        assertThat(storage.read((Repositories r) -> r.outbox().failed(1))).extracting(FailedJob::id).containsExactly(b1);
        assertThat(storage.read((Repositories r) -> r.outbox().failed(1L))).extracting(FailedJob::id).containsExactly(a1);
        assertThat(storage.read((Repositories r) -> r.outbox().pendingCount())).isEqualTo(1);
    }
}
