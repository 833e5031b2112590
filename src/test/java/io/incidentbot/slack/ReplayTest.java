package io.incidentbot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed request sent again inside the 5-minute window (same body, timestamp and signature) is a
 * replay: acknowledged with 200 and an empty body, nothing done, also after a restart (the signatures
 * are kept in the database). Slack's other callbacks that are no command: {@code ssl_check} and
 * {@code app_rate_limited} get 200.
 */
class ReplayTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    private List<Incident> incidents() {
        return bot.bot.storage().transaction(r -> r.incidents().listAll());
    }

    @Test
    void tenReplaysOfOneSignedDeclareMakeOneIncident() {
        String body = SignedClient.form(bot.client.commandFields("declare sev1 Checkout down", "UALICE001", "CGENERAL1"));
        long ts = SignedClient.now();

        HttpResponse<String> first = bot.client.post(body, FORM, ts, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(SignedClient.text(first)).contains("Declared incident 1");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> replay = bot.client.post(body, FORM, ts, Map.of());
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).isEmpty();
        }

        assertThat(incidents()).hasSize(1);
    }

    @Test
    void threeIdenticalViewSubmissionsMakeOneIncident() {
        String body = ModalPayloads.submission("UALICE001", "Payments failing", "SEV2", "card auths time out", false);
        long ts = SignedClient.now();

        for (int i = 0; i < 3; i++) {
            assertThat(bot.client.post(body, FORM, ts, Map.of()).statusCode()).isEqualTo(200);
        }

        assertThat(incidents()).extracting(Incident::title).containsExactly("Payments failing");
    }

    @Test
    void aReplayAfterARestartStillChangesNothing() throws Exception {
        String body = SignedClient.form(bot.client.commandFields("declare Search slow", "UALICE001", "CGENERAL1"));
        long ts = SignedClient.now();
        assertThat(bot.client.post(body, FORM, ts, Map.of()).statusCode()).isEqualTo(200);

        bot = kit.restart(kit.env());
        HttpResponse<String> replay = bot.client.post(body, FORM, ts, Map.of());

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEmpty();
        assertThat(incidents()).hasSize(1);
    }

    @Test
    void theSameCommandSentAgainWithANewTimestampActsAgain() {
        String body = SignedClient.form(bot.client.commandFields("declare Search slow", "UALICE001", "CGENERAL1"));
        long ts = SignedClient.now();

        bot.client.post(body, FORM, ts - 1, Map.of());
        bot.client.post(body, FORM, ts, Map.of());

        assertThat(incidents()).hasSize(2);
    }

    @Test
    void sslCheckGets200() {
        // Slack's certificate check of a slash command URL: form fields ssl_check=1 and token
        HttpResponse<String> r = bot.client.post("ssl_check=1&token=legacy-verification-token", FORM);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(incidents()).isEmpty();
    }

    @Test
    void appRateLimitedGets200AndAWarning() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            // Slack's example in the Events API documentation, "Rate limiting" (app_rate_limited)
            HttpResponse<String> r = bot.client.post("""
                    {
                        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
                        "type": "app_rate_limited",
                        "team_id": "T0TEST001",
                        "minute_rate_limited": 1518467820,
                        "api_app_id": "A0TEST001"
                    }""", "application/json");

            assertThat(r.statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("app_rate_limited");
        });
    }
}
