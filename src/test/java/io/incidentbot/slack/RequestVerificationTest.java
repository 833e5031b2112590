package io.incidentbot.slack;

import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestVerificationTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;
    String declare;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
        declare = SignedClient.form(bot.client.commandFields("declare sev1 Forged", "UMALLORY1", "CGENERAL1"));
    }

    private java.util.List<io.incidentbot.incident.Incident> incidents() {
        return bot.bot.storage().transaction(r -> r.incidents().listAll());
    }

    private void assertNothingStored() {
        assertThat(incidents()).isEmpty();
        assertThat(slack.methods()).isEmpty();
    }

    private HttpResponse<String> raw(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port() + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBadSignatureGets401AndChangesNothing() throws Exception {
        String ts = String.valueOf(SignedClient.now());
        HttpResponse<String> r = raw(declare, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", "v0=" + "ab".repeat(32)));

        assertThat(r.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aMissingSignatureGets401() throws Exception {
        assertThat(raw(declare, Map.of()).statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aBodyAlteredAfterSigningGets401() throws Exception {
        String ts = String.valueOf(SignedClient.now());
        String signature = new com.slack.api.app_backend.SlackSignature.Generator(SignedClient.SIGNING_SECRET)
                .generate(ts, declare);
        HttpResponse<String> r = raw(declare.replace("Forged", "Tampered"),
                Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signature));

        assertThat(r.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aTimestampOlderThanFiveMinutesGets401() {
        HttpResponse<String> r = bot.client.post(declare, "application/x-www-form-urlencoded", SignedClient.now() - 301, Map.of());

        assertThat(r.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aTimestampMoreThanFiveMinutesInTheFutureGets401() {
        HttpResponse<String> r = bot.client.post(declare, "application/x-www-form-urlencoded", SignedClient.now() + 301, Map.of());

        assertThat(r.statusCode()).isEqualTo(401);
        assertNothingStored();
    }

    @Test
    void aTimestampWithinFiveMinutesIsAccepted() {
        HttpResponse<String> r = bot.client.post(declare, "application/x-www-form-urlencoded", SignedClient.now() + 200, Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(incidents()).hasSize(1);
    }

    @Test
    void aSignedButMalformedBodyGets400AndChangesNothing() {
        for (String body : new String[] {"{not json", "payload=%7Bbroken", "{\"type\":\"event_callback\",\"event\":"}) {
            HttpResponse<String> r = bot.client.post(body, body.startsWith("{") ? "application/json"
                    : "application/x-www-form-urlencoded");
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
        }
        assertNothingStored();
    }

    @Test
    void healthzAnswersWithoutASignature() {
        HttpResponse<String> r = bot.client.get("/healthz");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"");
    }
}
