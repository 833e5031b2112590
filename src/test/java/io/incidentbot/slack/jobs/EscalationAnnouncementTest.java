package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxWorker;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "Stakeholders miss changes": the announcement channel got declare, updates and resolve, but
 * not an escalation to a higher severity nor a reopen. Both are announced now (a downgrade is not).
 */
class EscalationAnnouncementTest {
    private static final String ANNOUNCE = "CANNOUNCE1";
    private static final String ALICE = "UALICE001";

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private SlackStandIn slack;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private OutboxWorker worker;
    private IncidentService incidents;

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

    private void deliverAll() {
        for (int i = 0; i < 100 && storage.read(r -> r.outbox().pendingCount()) > 0; i++) {
            worker.dispatchDue();
        }
    }

    private List<String> announced() {
        return slack.messages(ANNOUNCE).stream().map(m -> String.valueOf(m.get("text"))).toList();
    }

    @Test
    void anEscalationAndAReopenAreAnnouncedButADowngradeIsNot() {
        incidents.declare(new Declaration("Checkout slow", Severity.SEV3, null, false, ALICE, null));
        deliverAll();
        String channel = incidents.queries().listOpen().get(0).channelId();

        incidents.setSeverity(channel, Severity.SEV1, ALICE);
        incidents.setSeverity(channel, Severity.SEV2, ALICE);
        incidents.resolve(channel, "Cache warmed", ALICE);
        incidents.setStatus(channel, Status.INVESTIGATING, "UBOB00001");
        deliverAll();

        List<String> announced = announced();
        assertThat(announced).hasSize(4);
        assertThat(announced.get(1)).isEqualTo(":arrow_double_up: Incident 1 (*Checkout slow*) escalated from SEV3 to *SEV1*"
                + " by <@" + ALICE + ">. Follow along in <#" + channel + ">.");
        assertThat(announced.get(2)).startsWith(":white_check_mark: Incident 1");
        assertThat(announced.get(3)).isEqualTo(":warning: Incident 1 (*Checkout slow*, SEV2) was reopened by <@UBOB00001>,"
                + " now investigating. Follow along in <#" + channel + ">.");
    }
}
