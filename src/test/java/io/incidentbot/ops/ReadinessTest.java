package io.incidentbot.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /livez}, {@code /readyz} and {@code /healthz} tell the truth about the token and the database. */
class ReadinessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();

    @Test
    void aRevokedTokenMakesTheBotNotReadyUntilAuthTestSucceedsAgain() throws Exception {
        RunningBot bot = kit.bot();
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev2 Checkout errors", "UALICE001");
        HttpResponse<String> ready = bot.client.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("version").asText()).isEqualTo(io.incidentbot.Version.current());
        assertThat(slack.calls("auth.test")).as("one auth.test at start: the SDK's usage statistics are off").hasSize(1);

        try (LogCapture log = new LogCapture()) {
            int posts = slack.calls("chat.postMessage").size();
            slack.refuseToken("token_revoked");
            assertThat(inc.say("note rollback started", "UALICE001")).as("the ack needs no Slack call")
                    .contains("Note added");
            SlackStandIn.await("not ready", 15, () -> bot.client.get("/readyz").statusCode() == 503);
            inc.say("note second note", "UALICE001");
            SlackStandIn.await("second note refused too", 15, () -> slack.calls("chat.postMessage").size() >= posts + 2
                    && bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);

            HttpResponse<String> notReady = bot.client.get("/readyz");
            JsonNode body = JSON.readTree(notReady.body());
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(body.path("status").asText()).isEqualTo("not ready");
            assertThat(body.path("reasons").toString()).contains("token_revoked");
            HttpResponse<String> healthz = bot.client.get("/healthz");
            assertThat(healthz.statusCode()).as("/healthz is readiness under today's name").isEqualTo(503);
            assertThat(JSON.readTree(healthz.body()).has("outboxPending")).isTrue();
            assertThat(bot.client.get("/livez").statusCode()).as("the process is up").isEqualTo(200);
            assertThat(log.events(SlackStatus.class, "refuses the bot token")).as("logged once").hasSize(1);

            slack.refuseToken(null);
            SlackStandIn.await("ready again", 20, () -> bot.client.get("/readyz").statusCode() == 200);
            assertThat(log.events(SlackStatus.class, "accepts the bot token again")).hasSize(1);
        }
        assertThat(bot.client.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void livezNeedsNothingButTheProcess() throws Exception {
        HttpResponse<String> r = kit.bot().client.get("/livez");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("ok");
    }
}
