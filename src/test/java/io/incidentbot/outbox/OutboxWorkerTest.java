package io.incidentbot.outbox;

import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.OutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox worker's delivery, retry and give-up timing, driven by a settable clock on a real SQLite file. */
class OutboxWorkerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final OutboxWorker.Policy POLICY = new OutboxWorker.Policy(Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(1));

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(T0);
    private final RecordingHandler handler = new RecordingHandler();
    private OutboxWorker worker;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        worker = new OutboxWorker(storage, handler, clock, TestClock.sameThread(), POLICY);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long enqueue(long incident, SlackJob payload) {
        return storage.transaction(r -> SlackJobs.enqueue(r.outbox(), incident, payload, clock.instant()));
    }

    private long pending() {
        return storage.read(r -> r.outbox().pendingCount());
    }

    private List<OutboxRepository.FailedJob> failed(long incident) {
        List<OutboxRepository.FailedJob> f = storage.read(r -> r.outbox().failed(incident));
        return f;
    }

    @Test
    void aJobClaimedByAReplicaThatDiedIsDeliveredOnceItsLeaseHasRunOut() {
        long id = enqueue(1, new SlackJob.SyncTopic());
        storage.run(r -> r.outbox().claim(clock.instant(), "killed-replica", clock.instant().plusSeconds(30), 10));

        worker.dispatchDue();
        clock.advance(Duration.ofSeconds(30));
        worker.dispatchDue();
        assertThat(handler.jobs).as("the dead replica's lease still runs").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        worker.dispatchDue();
        assertThat(handler.jobs).extracting(OutboxJob::id).containsExactly(id);
        assertThat(pending()).isZero();
    }

    @Test
    void jobsOfOneIncidentAreDeliveredInTheOrderTheyWereWritten() {
        enqueue(1, new SlackJob.SyncTopic());
        enqueue(1, new SlackJob.Postmortem("U1"));
        enqueue(2, new SlackJob.SyncTopic());

        worker.dispatchDue();
        worker.dispatchDue();

        assertThat(pending()).isZero();
        assertThat(handler.jobs).extracting(OutboxJob::incident, OutboxJob::kind).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple(1L, "SYNC_TOPIC"),
                org.assertj.core.groups.Tuple.tuple(1L, "POSTMORTEM"));
        assertThat(handler.jobs).hasSize(3);
    }

    @Test
    void aRetryWaitsExactlyTheRetryAfterSlackAskedFor() {
        enqueue(1, new SlackJob.SyncTopic());
        handler.answer(j -> JobHandler.Outcome.retry("ratelimited", Duration.ofSeconds(30)));
        worker.dispatchDue();
        handler.answer(j -> JobHandler.Outcome.done());

        clock.advance(Duration.ofSeconds(29));
        worker.dispatchDue();
        assertThat(handler.jobs).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        worker.dispatchDue();
        assertThat(handler.jobs).hasSize(2);
        assertThat(handler.jobs.get(1).attempts()).isEqualTo(1);
        assertThat(pending()).isZero();
    }

    @Test
    void otherFailuresBackOffAboutTheFirstBackoffWithJitter() {
        enqueue(1, new SlackJob.SyncTopic());
        handler.answer(j -> JobHandler.Outcome.retry("internal_error", null));
        worker.dispatchDue();

        clock.advance(Duration.ofMillis(4_999));
        worker.dispatchDue();
        assertThat(handler.jobs).as("not before half the first backoff").hasSize(1);

        clock.advance(Duration.ofMillis(10_002));
        worker.dispatchDue();
        assertThat(handler.jobs).as("by one and a half times the first backoff").hasSize(2);
    }

    @Test
    void aJobStillFailingAfterGiveUpAfterIsMarkedFailedAndReportedOnce() {
        enqueue(7, new SlackJob.SyncTopic());
        enqueue(7, new SlackJob.Postmortem("U1"));
        handler.answer(j -> "SYNC_TOPIC".equals(j.kind())
                ? JobHandler.Outcome.retry("internal_error", Duration.ofMinutes(20)) : JobHandler.Outcome.done());

        for (int i = 0; i < 3; i++) {
            worker.dispatchDue();
            clock.advance(Duration.ofMinutes(20));
        }
        assertThat(failed(7)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        worker.dispatchDue();
        worker.dispatchDue();

        assertThat(failed(7)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("SYNC_TOPIC");
            assertThat(f.error()).isEqualTo("internal_error");
        });
        assertThat(handler.failed).containsExactly("SYNC_TOPIC: internal_error");
        assertThat(handler.jobs).extracting(OutboxJob::kind).last().isEqualTo("POSTMORTEM");
        assertThat(pending()).isZero();
    }

    @Test
    void aFailOutcomeGivesUpAtOnce() {
        enqueue(3, new SlackJob.SyncTopic());
        handler.answer(j -> JobHandler.Outcome.fail("missing_scope"));

        worker.dispatchDue();

        assertThat(failed(3)).extracting(OutboxRepository.FailedJob::error).containsExactly("missing_scope");
        assertThat(handler.failed).containsExactly("SYNC_TOPIC: missing_scope");
    }

    @Test
    void aStoredPayloadThisVersionCannotReadIsMarkedFailedWithTheReasonAndTheNextJobRuns() {
        storage.run(r -> r.outbox().enqueue(4, "slack", "ANNOUNCE", "{\"v\":1,\"announcement\":{\"type\":\"weather\"}}",
                clock.instant()));
        enqueue(4, new SlackJob.SyncTopic());

        worker.dispatchDue();
        worker.dispatchDue();

        assertThat(failed(4)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("ANNOUNCE");
            assertThat(f.error()).startsWith("unreadable payload of ANNOUNCE job");
        });
        assertThat(handler.jobs).extracting(OutboxJob::kind).containsExactly("ANNOUNCE", "SYNC_TOPIC");
        assertThat(pending()).isZero();
    }

    @Test
    void aJobOfASubscriberOrKindThisReleaseDoesNotKnowIsLeftForANewerReplicaWithoutAnAttemptOrAFailure() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger workerLog = (Logger) LoggerFactory.getLogger(OutboxWorker.class);
        logged.start();
        workerLog.addAppender(logged);
        List<String> delivered = new java.util.ArrayList<>();
        JobRoutes.Route<OutboxJob> record = (job, p) -> {
            delivered.add(job.type() + " after " + job.attempts() + " attempts");
            return JobHandler.Outcome.done();
        };
        OutboxWorker older = new OutboxWorker(storage, Subscribers.of(JobRoutes.of("slack")
                .route("SYNC_TOPIC", j -> j, record)), clock, TestClock.sameThread(), POLICY, "older", Duration.ofSeconds(30));
        storage.run(r -> r.outbox().enqueue(5, "slack", "FUTURE_KIND", "{\"v\":1}", clock.instant()));
        storage.run(r -> r.outbox().enqueue(6, "slack", "FUTURE_KIND", "{\"v\":1}", clock.instant()));
        storage.run(r -> r.outbox().enqueue(5, "future-subscriber", "PING", "{\"v\":1}", clock.instant()));
        try {
            for (int i = 0; i < 5; i++) {
                older.dispatchDue();
                clock.advance(POLICY.pollInterval());
            }
        } finally {
            workerLog.detachAppender(logged);
        }

        assertThat(failed(5)).isEmpty();
        assertThat(failed(6)).isEmpty();
        assertThat(delivered).isEmpty();
        assertThat(pending()).isEqualTo(3);
        assertThat(logged.list).as("one line per subscriber and kind, not per claim")
                .extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.contains("unknown to this release")).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("slack/FUTURE_KIND"))
                .anySatisfy(m -> assertThat(m).contains("future-subscriber/PING"));

        OutboxWorker newer = new OutboxWorker(storage, Subscribers.of(
                JobRoutes.of("slack").route("FUTURE_KIND", j -> j, record),
                JobRoutes.of("future-subscriber").route("PING", j -> j, record)),
                clock, TestClock.sameThread(), POLICY, "newer", Duration.ofSeconds(30));
        newer.dispatchDue();
        assertThat(delivered).as("no attempt was counted by the older replica").containsExactlyInAnyOrder(
                "slack/FUTURE_KIND after 0 attempts", "slack/FUTURE_KIND after 0 attempts",
                "future-subscriber/PING after 0 attempts");
        assertThat(pending()).isZero();
    }

    @Test
    void aJobNoReplicaKnowsFailsForGoodOnceOlderThanGiveUpAfterSoItsLaneMovesOn() {
        storage.run(r -> r.outbox().enqueue(8, "switched-off", "PING", "{\"v\":1}", clock.instant()));
        OutboxWorker only = new OutboxWorker(storage, Subscribers.of(JobRoutes.of("slack")), clock,
                TestClock.sameThread(), POLICY);
        only.dispatchDue();
        clock.advance(POLICY.giveUpAfter());
        only.dispatchDue();
        assertThat(failed(8)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        only.dispatchDue();
        assertThat(failed(8)).extracting(OutboxRepository.FailedJob::error).containsExactly("unknown_subscriber switched-off");
    }
}
