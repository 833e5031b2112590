package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxWorker;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The set-up of the announcement tests: a fresh SQLite database, the incident service with the Slack
 * subscriber announcing to {@link #ANNOUNCE}, and an outbox worker that delivers the Slack jobs to the Web API
 * stand-in on the test's thread ({@link #deliverAll}), at a test clock starting 2026-11-27T10:00:00Z.
 */
abstract class AnnouncementFixture {
    static final String ANNOUNCE = "CANNOUNCE1";
    static final String ALICE = "UALICE001";

    @TempDir
    Path dir;
    JdbiStorage storage;
    SlackStandIn slack;
    final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    OutboxWorker worker;
    IncidentService incidents;

    @BeforeEach
    void open() throws Exception {
        storage = Database.open(dir.resolve("bot.db").toString());
        slack = new SlackStandIn();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        JobHandler handler = SlackJobRoutes.routes(Slack.getInstance(config), SlackStandIn.BOT_TOKEN,
                new Deliveries(storage), "inc", ANNOUNCE, job -> JobHandler.Outcome.done(), () -> SlackStandIn.BOT_USER,
                new AlertDeliveries(storage, clock), null);
        worker = new OutboxWorker(storage, handler, clock, TestClock.sameThread(), OutboxWorker.Policy.defaults());
        incidents = new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, true));
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
        storage.close();
    }

    /** Runs the outbox until no job is pending (at most 100 rounds). */
    void deliverAll() {
        for (int i = 0; i < 100 && storage.read(r -> r.outbox().pendingCount()) > 0; i++) {
            worker.dispatchDue();
        }
    }

    /** @return the texts posted to the announcement channel, oldest first */
    List<String> announced() {
        return slack.messages(ANNOUNCE).stream().map(m -> String.valueOf(m.get("text"))).toList();
    }
}
