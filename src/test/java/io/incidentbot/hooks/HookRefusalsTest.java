package io.incidentbot.hooks;

import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the webhooks refuse, over real HTTP: nothing refused is stored. */
class HookRefusalsTest {
    private static final List<String> TOKEN_HOOKS = List.of("/hooks/alertmanager", "/hooks/grafana", "/hooks/alerts",
            "/hooks/changes");

    @TempDir
    Path dir;
    SlackStandIn slack;
    HookBot hooks;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        hooks = new HookBot(slack, dir.resolve("incidents.db"), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        hooks.close();
        slack.close();
    }

    private long storedRows() {
        return hooks.bot.storage().read(r -> r.changes().countBetween(java.time.Instant.EPOCH,
                java.time.Instant.parse("2100-01-01T00:00:00Z")) + r.incidents().listOpen().size());
    }

    private HttpResponse<String> withAuthorization(String path, String authorization, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(hooks.uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return hooks.send(b.build());
    }

    @Test
    void aMissingOrWrongBearerTokenIs401AndStoresNothing() {
        for (String path : TOKEN_HOOKS) {
            byte[] body = HookFixtures.bytes(path.endsWith("changes") ? "generic/change-config.json"
                    : path.endsWith("grafana") ? "grafana/firing.json" : path.endsWith("alerts")
                    ? "generic/alert-firing.json" : "alertmanager/firing-critical.json");
            assertThat(withAuthorization(path, null, body).statusCode()).as(path).isEqualTo(401);
            assertThat(withAuthorization(path, "Bearer wrong-token-0123456789", body).statusCode()).as(path).isEqualTo(401);
            assertThat(withAuthorization(path, "Basic " + HookBot.TOKEN, body).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(storedRows()).isZero();
        assertThat(slack.methods()).isEmpty();
    }

    @Test
    void aWrongGitHubSignatureIs401AndStoresNothing() {
        byte[] body = HookFixtures.bytes("github/deployment_status.json");
        assertThat(hooks.github("deployment_status", "d-1", body, "not-the-secret").statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = hooks.send(HttpRequest.newBuilder(hooks.uri("/hooks/github"))
                .header("X-GitHub-Event", "deployment_status").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(storedRows()).isZero();
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        HttpResponse<String> r = hooks.post("/hooks/alertmanager", "{\"version\":\"4\",\"status\":\"firing\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("groupKey").doesNotContain("Exception").doesNotContain("at io.");
        HttpResponse<String> notJson = hooks.post("/hooks/changes", "title=deploy".getBytes(StandardCharsets.UTF_8));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body().lines().count()).isEqualTo(1);
        assertThat(storedRows()).isZero();
    }

    @Test
    void aBodyOver1MiBIs413ByContentLengthAndWhenChunked() {
        byte[] big = new byte[HookHandler.MAX_BODY + 1];
        Arrays.fill(big, (byte) ' ');
        assertThat(hooks.post("/hooks/alertmanager", big).statusCode()).isEqualTo(413);
        HttpResponse<String> chunked = hooks.postChunked("/hooks/changes", () -> new ByteArrayInputStream(big));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(storedRows()).isZero();
    }

    @Test
    void otherMethodsAre405AndUnknownHooks404() {
        assertThat(hooks.send(HttpRequest.newBuilder(hooks.uri("/hooks/alertmanager")).GET().build()).statusCode())
                .isEqualTo(405);
        assertThat(hooks.post("/hooks/pagerduty", "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutTheTokenAndSecretEveryHookIs404() throws Exception {
        hooks.close();
        RunningBot plain = RunningBot.start(slack, RunningBot.env(slack, dir.resolve("plain.db")));
        try {
            for (String path : List.of("/hooks/alertmanager", "/hooks/grafana", "/hooks/alerts", "/hooks/changes",
                    "/hooks/github")) {
                HttpResponse<String> r = hooks.send(HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + plain.bot.port() + path))
                        .header("Authorization", "Bearer " + HookBot.TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
                assertThat(r.statusCode()).as(path).isEqualTo(404);
            }
            assertThat(plain.client.get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            plain.close();
            hooks = new HookBot(slack, dir.resolve("incidents.db"), Map.of());
        }
    }
}
