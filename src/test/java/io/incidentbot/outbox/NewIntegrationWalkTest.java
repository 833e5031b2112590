package io.incidentbot.outbox;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.incident.Transactions;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.slack.jobs.SlackSubscriber;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk of a new integration (issue 20): a no-op subscriber that logs each incident event, wired as the bot
 * wires one (its {@link IncidentSubscriber} into the {@link Transactions}, its {@link JobRoutes} into the
 * worker's {@link Subscribers}). It needs no edit in the domain, and its jobs run in lanes of their own: while
 * it cannot deliver, the incident's Slack jobs are delivered all the same.
 */
class NewIntegrationWalkTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String CHANNEL = "CINC00001";

    /** The whole integration: one class, an event subscriber and its routing table. */
    static final class LogIntegration implements IncidentSubscriber {
        private static final Logger log = LoggerFactory.getLogger(LogIntegration.class);
        /** Its job payload: a version field comes with {@link Payloads#write}. */
        record Line(long incident, String event, String actor) {
        }

        final List<Line> delivered = new ArrayList<>();
        JobHandler.Outcome answer = JobHandler.Outcome.done();

        @Override
        public void on(UnitOfWork work, IncidentEvent event) {
            log.info("incident {}: {}", event.incident(), event);
            work.repositories().outbox().enqueue(event.incident(), "log", "line",
                    Payloads.write(new Line(event.incident(), event.getClass().getSimpleName(), event.actor())), work.now());
        }

        JobRoutes routes() {
            return JobRoutes.of("log").route("line", Line.class, (job, line) -> {
                if (answer.type() == JobHandler.Outcome.Type.DONE) {
                    delivered.add(line);
                }
                return answer;
            });
        }
    }

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(T0);
    private final RecordingHandler slack = new RecordingHandler();
    private final LogIntegration logs = new LogIntegration();
    private OutboxWorker worker;
    private IncidentService incidents;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        Transactions tx = new Transactions(storage, List.of(new SlackSubscriber(false, Duration.ofHours(24)), logs), clock);
        worker = new OutboxWorker(storage, new Subscribers(List.of()).add(SlackJobs.SUBSCRIBER, slack).add(logs.routes()),
                clock, TestClock.sameThread(), OutboxWorker.Policy.defaults());
        incidents = new IncidentService(tx);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private void deliverDue() {
        for (int i = 0; i < 50; i++) {
            worker.dispatchDue();
        }
    }

    @Test
    void aLoggingSubscriberGetsEveryEventOfAnIncidentAndItsJobsAreDelivered() {
        Incident inc = incidents.declare(new Declaration("Checkout down", Severity.SEV2, null, false, "UALICE001", null));
        deliverDue();
        new Deliveries(storage).linkChannel(inc.number(), CHANNEL, "inc-1-checkout-down");
        incidents.setStatus(CHANNEL, Status.IDENTIFIED, "UBOB00001");
        incidents.note(CHANNEL, "db is back", "UBOB00001");
        incidents.resolve(CHANNEL, "Failed over", "UALICE001");
        deliverDue();

        assertThat(logs.delivered).extracting(LogIntegration.Line::event).containsExactly(
                "Declared", "StatusChanged", "NoteAdded", "StatusChanged", "Resolved");
        assertThat((long) storage.read(r -> r.outbox().pendingCount())).isZero();
    }

    @Test
    void anIntegrationThatCannotDeliverNeverHoldsTheIncidentsSlackJobsBack() {
        logs.answer = JobHandler.Outcome.retry("log server down", null);

        incidents.declare(new Declaration("Checkout down", Severity.SEV2, null, false, "UALICE001", null));
        deliverDue();

        assertThat(logs.delivered).isEmpty();
        assertThat(slack.payloads).extracting(SlackJob::kind).containsExactly(SlackJob.Kind.CREATE_CHANNEL,
                SlackJob.Kind.INVITE, SlackJob.Kind.SYNC_TOPIC, SlackJob.Kind.SYNC_HEADER);
        assertThat((long) storage.read(r -> r.outbox().pendingCount())).as("the log job waits in its own lane").isEqualTo(1);
    }
}
