package io.incidentbot.statuspage.push;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageSettings;
import io.incidentbot.testkit.CachetStandIn;
import io.incidentbot.testkit.StatuspageStandIn;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostedPagePushTest {
    static final String KEY = "sp-key-secret";
    final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
    final OkHttpClient http = new OkHttpClient();
    StatuspageStandIn statuspage;
    CachetStandIn cachet;
    StatuspageClient sp;
    CachetClient ca;

    @BeforeEach
    void start() throws Exception {
        statuspage = new StatuspageStandIn(KEY, "kctbh9vrtdwd");
        cachet = new CachetStandIn("cachet-token");
        sp = new StatuspageClient(new StatusPageSettings.Statuspage(KEY, "kctbh9vrtdwd", Map.of("API", "8kbf7d35c070"),
                statuspage.apiUrl()), http, clock);
        ca = new CachetClient(new StatusPageSettings.Cachet(cachet.url(), "cachet-token", Map.of("API", "7")), http, clock);
    }

    @AfterEach
    void stop() throws Exception {
        statuspage.close();
        cachet.close();
    }

    static PushState state(PublicStatus status, String body) {
        Map<String, ComponentState> components = new LinkedHashMap<>();
        components.put("API", ComponentState.MAJOR_OUTAGE);
        components.put("Unmapped", ComponentState.PARTIAL_OUTAGE);
        return new PushState("Errors on the API", status, body, components);
    }

    @Test
    void statuspageGetsAnIncidentOnPublishAndPatchesOnUpdate() {
        PushResult created = sp.create(state(PublicStatus.INVESTIGATING, "Looking"));
        assertThat(created.type()).isEqualTo(PushResult.Type.DONE);
        var post = statuspage.calls().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents");
        assertThat(post.authorization()).isEqualTo("OAuth " + KEY);
        assertThat(post.body().at("/incident/name").asText()).isEqualTo("Errors on the API");
        assertThat(post.body().at("/incident/status").asText()).isEqualTo("investigating");
        assertThat(post.body().at("/incident/body").asText()).isEqualTo("Looking");
        assertThat(post.body().at("/incident/components").toString()).isEqualTo("{\"8kbf7d35c070\":\"major_outage\"}");
        assertThat(post.body().at("/incident/component_ids").toString()).isEqualTo("[\"8kbf7d35c070\"]");
        assertThat(post.body().at("/incident/deliver_notifications").asBoolean()).isTrue();

        PushResult patched = sp.update(created.remoteId(), state(PublicStatus.RESOLVED, "Fixed"));
        assertThat(patched).isEqualTo(PushResult.done(created.remoteId()));
        var patch = statuspage.calls().get(1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents/" + created.remoteId());
        assertThat(patch.body().at("/incident/status").asText()).isEqualTo("resolved");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAfterTheirRetryAfterAndOtherRefusalsFail() throws Exception {
        statuspage.failNext(429, "7");
        assertThat(sp.create(state(PublicStatus.INVESTIGATING, "x"))).satisfies(r -> {
            assertThat(r.type()).isEqualTo(PushResult.Type.RETRY);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        statuspage.failNext(420, "Tue, 10 Mar 2026 12:00:30 GMT");
        assertThat(sp.create(state(PublicStatus.INVESTIGATING, "x")).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        statuspage.failNext(503, null);
        assertThat(sp.create(state(PublicStatus.INVESTIGATING, "x"))).isEqualTo(PushResult.retry("503 {\"error\":\"rate limited\"}", null));
        statuspage.failNext(422, null);
        assertThat(sp.create(state(PublicStatus.INVESTIGATING, "x")).type()).isEqualTo(PushResult.Type.FAIL);
        StatuspageClient wrongKey = new StatuspageClient(new StatusPageSettings.Statuspage("nope", "kctbh9vrtdwd", Map.of(),
                statuspage.apiUrl()), http, clock);
        PushResult refused = wrongKey.create(state(PublicStatus.INVESTIGATING, "x"));
        assertThat(refused.type()).isEqualTo(PushResult.Type.FAIL);
        assertThat(refused.error()).startsWith("401").doesNotContain("nope");
        statuspage.close();
        assertThat(sp.create(state(PublicStatus.INVESTIGATING, "x")).type()).isEqualTo(PushResult.Type.RETRY);
    }

    @Test
    void cachetGetsAVisibleIncidentThenUpdatesWithItsStatusNumbers() {
        PushResult created = ca.create(state(PublicStatus.IDENTIFIED, "Found it"));
        assertThat(created.type()).isEqualTo(PushResult.Type.DONE);
        var post = cachet.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/incidents");
        assertThat(post.authorization()).isEqualTo("Bearer cachet-token");
        assertThat(post.body().get("status").asInt()).isEqualTo(2);
        assertThat(post.body().get("visible").asBoolean()).isTrue();
        assertThat(post.body().get("components").toString()).isEqualTo("[{\"component_id\":7,\"component_status\":4}]");
        PushResult updated = ca.update(created.remoteId(), state(PublicStatus.MONITORING, "Watching"));
        assertThat(updated.type()).isEqualTo(PushResult.Type.DONE);
        var update = cachet.calls().get(1);
        assertThat(update.path()).isEqualTo("/api/incidents/" + created.remoteId() + "/updates");
        assertThat(update.body().get("status").asInt()).isEqualTo(3);
        assertThat(update.body().get("message").asText()).isEqualTo("Watching");
        assertThat(CachetClient.status(PublicStatus.RESOLVED)).isEqualTo(4);
        assertThat(CachetClient.state(ComponentState.DEGRADED_PERFORMANCE)).isEqualTo(2);
    }

    @Test
    void oneRequestPerSecondPerKey() {
        RateGate gate = new RateGate(clock, Duration.ofSeconds(1));
        assertThat(gate.acquire(sp.rateKey())).isZero();
        assertThat(gate.acquire("another key")).isZero();
        clock.advance(Duration.ofMillis(300));
        assertThat(gate.acquire(sp.rateKey())).isEqualTo(Duration.ofMillis(700));
        clock.advance(Duration.ofMillis(700));
        assertThat(gate.acquire(sp.rateKey())).isZero();
        assertThat(sp.rateKey()).doesNotContain(KEY);
    }
}
