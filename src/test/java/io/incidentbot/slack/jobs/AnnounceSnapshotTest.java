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
 * The service writes the announcement and the job handlers deliver it to the Web API stand-in later:
 * what Slack receives is what was true when the announcement was written, not when it was delivered.
 */
class AnnounceSnapshotTest {
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
    void aStatusUpdateDeliveredAfterTheResolutionIsAnnouncedWithTheStatusItWasWrittenUnder() {
        Incident declared = incidents.declare(new Declaration("Checkout down", Severity.SEV1, null, false, ALICE, null));
        deliverAll();
        String channel = incidents.queries().listOpen().get(0).channelId();
        assertThat(channel).isNotNull();

        incidents.setStatus(channel, Status.IDENTIFIED, ALICE);
        incidents.statusUpdate(channel, "Failing over the database", ALICE);
        incidents.setSeverity(channel, Severity.SEV2, ALICE);
        clock.advance(Duration.ofMinutes(42));
        incidents.resolve(channel, "Failed over", ALICE);
        clock.advance(Duration.ofHours(3));
        deliverAll();

        assertThat(announced()).containsExactly(
                ":rotating_light: *SEV1* incident " + declared.number() + " declared by <@" + ALICE
                        + ">: *Checkout down*\nFollow along in <#" + channel + ">.",
                ":loudspeaker: *Incident 1* (SEV1, identified) update from <@" + ALICE + "> in <#" + channel
                        + ">:\nFailing over the database",
                // issue 13: the resolution announcement carries the summary and a link to the draft
                ":white_check_mark: Incident 1 (*Checkout down*) is resolved after 42 min. <#" + channel + ">"
                        + "\n*Resolution:* Failed over\n*Postmortem draft:* in <#" + channel + ">");
        List<Map<String, Object>> inChannel = slack.messages(channel);
        assertThat(inChannel).extracting(m -> m.get("text")).contains(
                "<@" + ALICE + "> changed status: investigating → identified",
                ":loudspeaker: Status update from <@" + ALICE + ">: Failing over the database",
                "<@" + ALICE + "> changed severity: Severity SEV1 → SEV2");
    }
}
