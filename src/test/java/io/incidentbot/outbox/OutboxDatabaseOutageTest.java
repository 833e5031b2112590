package io.incidentbot.outbox;

import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.slack.jobs.SlackJob;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.HealthReport;
import io.incidentbot.storage.jdbi.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (high): while the database cannot be written and Slack work is pending, the outbox backs off
 * instead of spinning, keeps its threads, logs one WARN for the failing period and one INFO when it ends,
 * makes {@code /healthz} unhealthy, and delivers once writes work again.
 */
class OutboxDatabaseOutageTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final OutboxWorker.Policy POLICY = new OutboxWorker.Policy(Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(1));

    @TempDir
    Path dir;
    private FailingWrites storage;
    private final TestClock clock = new TestClock(T0);
    private final RecordingHandler handler = new RecordingHandler();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger workerLog = (Logger) LoggerFactory.getLogger(OutboxWorker.class);

    @BeforeEach
    void open() {
        storage = new FailingWrites(Database.open(dir.resolve("bot.db").toString()));
        logged.start();
        workerLog.addAppender(logged);
    }

    @AfterEach
    void close() {
        workerLog.detachAppender(logged);
        storage.close();
    }

    private void enqueue(long incident) {
        storage.transaction(r -> SlackJobs.enqueue(r.outbox(), incident, new SlackJob.SyncTopic(), clock.instant()));
    }

    private List<String> lines(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void twentyMinutesOfAFullDiskCostAFewDozenTriesOneWarningAndA503ThenEverythingIsDelivered() {
        OutboxWorker worker = new OutboxWorker(storage, handler, clock, TestClock.sameThread(), POLICY);
        HealthReport health = new HealthReport(storage, List.of(worker::problem));
        enqueue(1);
        enqueue(2);
        storage.failing = true;

        for (int round = 0; round < 12_000; round++) {
            worker.dispatchDue();
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(storage.failedWrites.get()).as("write attempts in 20 minutes").isBetween(1, 80);
        assertThat(handler.jobs).as("no Slack call whose outcome could not be recorded").isEmpty();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("cannot be written").contains("SQLITE_FULL");
        assertThat(lines(Level.ERROR)).isEmpty();
        assertThat(health.get().healthy()).isFalse();
        assertThat(health.get().json()).contains("outbox cannot write to the database");

        storage.failing = false;
        clock.advance(OutboxWorker.STORAGE_MAX_PAUSE);
        worker.dispatchDue();

        assertThat(handler.jobs).extracting(OutboxJob::incident).containsExactlyInAnyOrder(1L, 2L);
        assertThat((long) storage.read(r -> r.outbox().pendingCount())).isZero();
        assertThat(lines(Level.INFO)).filteredOn(l -> l.contains("can be written again")).hasSize(1);
        assertThat(lines(Level.WARN)).hasSize(1);
        assertThat(worker.problem()).isEmpty();
        assertThat(health.get().healthy()).isTrue();
    }

    @Test
    void theDispatchThreadAndTheDeliveryThreadSurviveAFailingDatabase() throws Exception {
        AtomicInteger threadsMade = new AtomicInteger();
        ExecutorService deliveries = Executors.newFixedThreadPool(1, r -> {
            threadsMade.incrementAndGet();
            Thread t = new Thread(r, "test-outbox");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch delivered = new CountDownLatch(1);
        handler.answer(j -> {
            delivered.countDown();
            return JobHandler.Outcome.done();
        });
        OutboxWorker worker = new OutboxWorker(storage, handler, clock, deliveries, POLICY);
        enqueue(1);
        storage.failing = true;
        worker.start();
        try {
            io.incidentbot.testkit.SlackStandIn.await("several failed writes", 20, () -> {
                clock.advance(Duration.ofSeconds(31));
                worker.wakeup();
                return storage.failedWrites.get() >= 3;
            });
            assertThat(worker.alive()).isTrue();

            storage.failing = false;
            // The settable clock stands still unless moved: keep moving it past the storage pause (a write
            // that was failing while the flag flipped may have paused deliveries once more).
            io.incidentbot.testkit.SlackStandIn.await("delivered after recovery", 20, () -> {
                clock.advance(Duration.ofSeconds(31));
                worker.wakeup();
                return delivered.getCount() == 0;
            });
            assertThat(threadsMade.get()).as("delivery threads created").isEqualTo(1);
            assertThat(worker.alive()).isTrue();
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }
}
