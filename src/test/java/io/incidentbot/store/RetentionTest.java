package io.incidentbot.store;

import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (reliability): bookkeeping tables do not grow without bound. Processed {@code event_id}s go
 * after 24 h, pending changes after 7 days, delivered outbox jobs after 7 days and failed ones after
 * 30 days; pending jobs and anything younger stay. On a real SQLite file, with a settable clock.
 */
class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(T0);
    private Retention retention;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        retention = new Retention(storage, clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long count(String table) {
        return storage.read(r -> ((io.incidentbot.storage.jdbi.JdbiRepositories) r).h()
                .createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void processedEventIdsAreForgottenAfterADayNotBefore() {
        storage.run(r -> {
            for (int i = 0; i < 2_500; i++) {
                r.events().markProcessed("Ev" + i, clock.instant());
            }
        });
        clock.advance(Duration.ofHours(23));
        storage.run(r -> r.events().markProcessed("EvLate", clock.instant()));

        assertThat(retention.prune()).isZero();
        boolean first = storage.transaction(r -> r.events().markProcessed("Ev7", clock.instant()));
        assertThat(first).as("a redelivery within the day is still recognised").isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(retention.prune()).isEqualTo(2_500);
        assertThat(count("processed_event")).isEqualTo(1);
        assertThat(retention.prune()).as("idempotent").isZero();
    }

    @Test
    void pendingChangesWaitAWeekForTheirMessage() {
        storage.run(r -> r.events().addPending(new EventLog.PendingChange("C1", "1700000000.000100",
                EventLog.PendingChange.DELETE, null, clock.instant())));
        clock.advance(Duration.ofDays(6));
        assertThat(retention.prune()).isZero();
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(count("pending_change")).isZero();
    }

    @Test
    void deliveredJobsGoAfterAWeekFailedOnesAfterAMonthPendingOnesNever() {
        long done = storage.transaction(r -> SlackJobs.enqueue(r.outbox(), 1, new SlackJob.SyncTopic(), clock.instant()));
        long failed = storage.transaction(r -> SlackJobs.enqueue(r.outbox(), 2, new SlackJob.SyncTopic(), clock.instant()));
        storage.run(r -> SlackJobs.enqueue(r.outbox(), 3, new SlackJob.SyncTopic(), clock.instant()));
        storage.run(r -> {
            r.outbox().markDone(done, clock.instant());
            r.outbox().markFailed(failed, clock.instant(), "missing_scope");
        });

        clock.advance(Duration.ofDays(8));
        assertThat(retention.prune()).isEqualTo(1);
        java.util.List<OutboxRepository.FailedJob> kept = storage.read(r -> r.outbox().failed(10));
        assertThat(kept).hasSize(1);

        clock.advance(Duration.ofDays(23));
        assertThat(retention.prune()).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
        long pending = storage.read(r -> r.outbox().pendingCount());
        assertThat(pending).isEqualTo(1L);
    }
}
