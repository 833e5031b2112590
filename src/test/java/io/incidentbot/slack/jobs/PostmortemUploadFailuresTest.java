package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.slack.postmortem.DraftDeliveries;
import io.incidentbot.slack.postmortem.PostmortemPublisher;
import io.incidentbot.slack.web.SlackUserDirectory;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackStandIn;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The postmortem upload classifies Web API failures through SlackCalls like every other call. */
class PostmortemUploadFailuresTest {
    @TempDir
    Path dir;
    private JdbiStorage storage;
    private SlackStandIn slack;
    private PostmortemPublisher publisher;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private OutboxJob job;

    @BeforeEach
    void open() throws Exception {
        storage = Database.open(dir.resolve("bot.db").toString());
        slack = new SlackStandIn();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        MethodsClient client = Slack.getInstance(config).methods(SlackStandIn.BOT_TOKEN);
        Deliveries deliveries = new Deliveries(storage);
        publisher = new PostmortemPublisher(client, deliveries,
                new PostmortemService(storage, new SlackUserDirectory(client), clock, ZoneOffset.UTC),
                new DraftDeliveries(storage, clock));
        new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, false))
                .declare(new Declaration("Checkout down", Severity.SEV2, null, false, "UALICE001", null));
        deliveries.linkChannel(1, "CINC00001", "inc-1-checkout-down");
        job = new OutboxJob(99, 1, SlackJobs.SUBSCRIBER, "POSTMORTEM", SlackJobs.write(new SlackJob.Postmortem("UALICE001")),
                0, clock.instant(), clock.instant());
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
        storage.close();
    }

    @Test
    void anOkFalseRatelimitedAnswerIsRetriedNotGivenUp() {
        slack.override("files.getUploadURLExternal", call -> SlackStandIn.json(Map.of("ok", false, "error", "ratelimited")));

        Outcome outcome = publisher.publish(job);

        assertThat(outcome.type()).isEqualTo(Outcome.Type.RETRY);
        assertThat(outcome.error()).isEqualTo("filesUploadV2: ratelimited");
    }

    @Test
    void anHttp429IsRetriedAfterTheRetryAfterSlackSent() {
        slack.override("files.getUploadURLExternal", call -> new MockResponse().setResponseCode(429)
                .setHeader("Retry-After", "17").setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));

        Outcome outcome = publisher.publish(job);

        assertThat(outcome.type()).isEqualTo(Outcome.Type.RETRY);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void aRequestErrorFailsForGood() {
        slack.override("files.completeUploadExternal", call -> SlackStandIn.json(Map.of("ok", false, "error", "not_in_channel")));

        Outcome outcome = publisher.publish(job);

        assertThat(outcome.type()).isEqualTo(Outcome.Type.FAIL);
        assertThat(outcome.error()).isEqualTo("filesUploadV2: not_in_channel");
    }
}
