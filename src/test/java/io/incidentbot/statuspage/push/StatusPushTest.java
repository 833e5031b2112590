package io.incidentbot.statuspage.push;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageService;
import io.incidentbot.statuspage.StatusPageSettings;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import io.incidentbot.testkit.CachetStandIn;
import io.incidentbot.testkit.StatuspageStandIn;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPushTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
    Storage storage;
    StatusPageService service;
    StatuspageStandIn standIn;
    CachetStandIn cachetStandIn;
    StatuspageClient statuspage;
    CachetClient cachet;
    StatusPush push;

    @BeforeEach
    void start() throws Exception {
        storage = Database.open(dir.resolve("incidents.db").toString());
        service = new StatusPageService(storage, clock);
        standIn = new StatuspageStandIn("key", "page1");
        cachetStandIn = new CachetStandIn("tok");
        statuspage = new StatuspageClient(new StatusPageSettings.Statuspage("key", "page1", Map.of("API", "spc1"), standIn.apiUrl()),
                new OkHttpClient(), clock);
        cachet = new CachetClient(new StatusPageSettings.Cachet(cachetStandIn.url(), "tok", Map.of("API", "3")), new OkHttpClient(), clock);
        push = new StatusPush(storage, new RateGate(clock, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        standIn.close();
        cachetStandIn.close();
        storage.close();
    }

    String publish() {
        var api = service.addComponent("API");
        long n = storage.transaction(r -> r.incidents().create("internal", Severity.SEV2, false, null, "U1", clock.instant())).number();
        service.publish(n, new StatusPageService.Publication("Errors on the API", PublicStatus.INVESTIGATING,
                Map.of(api.id(), ComponentState.MAJOR_OUTAGE), "Looking"), "U1");
        return service.publishedOf(n).orElseThrow().publicId() + ":" + n;
    }

    @Test
    void createsOnceThenCoalescesQueuedUpdatesIntoOnePatchAndSendsNothingWhenUpToDate() {
        String[] ids = publish().split(":");
        String publicId = ids[0];
        long n = Long.parseLong(ids[1]);
        PushResult created = push.sync(statuspage, publicId);
        assertThat(created.type()).isEqualTo(PushResult.Type.DONE);
        assertThat(standIn.calls()).hasSize(1);
        assertThat(standIn.calls().get(0).body().at("/incident/components/spc1").asText()).isEqualTo("major_outage");
        assertThat(storage.read((io.incidentbot.store.Repositories r) -> r.statusPage().remoteId(publicId, "statuspage"))).contains(created.remoteId());

        clock.advance(Duration.ofMillis(200));
        service.update(n, PublicStatus.IDENTIFIED, "Found it", Map.of(), "U1");
        clock.advance(Duration.ofMillis(200));
        service.update(n, PublicStatus.MONITORING, "Fix deployed", Map.of(), "U1");
        PushResult paced = push.sync(statuspage, publicId);
        assertThat(paced.type()).isEqualTo(PushResult.Type.RETRY);
        assertThat(paced.retryAfter()).isEqualTo(Duration.ofMillis(600));
        assertThat(standIn.calls()).hasSize(1);

        clock.advance(Duration.ofMillis(600));
        assertThat(push.sync(statuspage, publicId).type()).isEqualTo(PushResult.Type.DONE);
        assertThat(standIn.calls()).hasSize(2);
        var patch = standIn.calls().get(1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.body().at("/incident/status").asText()).isEqualTo("monitoring");
        assertThat(patch.body().at("/incident/body").asText()).isEqualTo("Found it\n\nFix deployed");

        clock.advance(Duration.ofSeconds(5));
        assertThat(push.sync(statuspage, publicId)).isEqualTo(PushResult.done(created.remoteId()));
        assertThat(standIn.calls()).hasSize(2);

        service.resolve(n, "All good", "U1");
        assertThat(push.sync(statuspage, publicId).type()).isEqualTo(PushResult.Type.DONE);
        assertThat(standIn.calls().get(2).body().at("/incident/status").asText()).isEqualTo("resolved");
        assertThat(standIn.calls().get(2).body().at("/incident/components/spc1").asText()).isEqualTo("operational");
    }

    @Test
    void aFailedPushSendsTheSameUpdatesAgainNextTime() {
        String publicId = publish().split(":")[0];
        standIn.failNext(503, null);
        assertThat(push.sync(statuspage, publicId).type()).isEqualTo(PushResult.Type.RETRY);
        clock.advance(Duration.ofSeconds(1));
        assertThat(push.sync(statuspage, publicId).type()).isEqualTo(PushResult.Type.DONE);
        assertThat(standIn.calls()).hasSize(2);
        assertThat(standIn.calls().get(1).body().at("/incident/body").asText()).isEqualTo("Looking");
    }

    @Test
    void cachetIsKeptApartFromStatuspage() {
        String publicId = publish().split(":")[0];
        assertThat(push.sync(cachet, publicId).type()).isEqualTo(PushResult.Type.DONE);
        assertThat(push.sync(statuspage, publicId).type()).isEqualTo(PushResult.Type.DONE);
        assertThat(cachetStandIn.calls()).hasSize(1);
        assertThat(cachetStandIn.calls().get(0).body().get("message").asText()).isEqualTo("Looking");
        assertThat(standIn.calls()).hasSize(1);
        assertThat(storage.read((io.incidentbot.store.Repositories r) -> r.statusPage().remoteId(publicId, "cachet"))).contains("1");
    }
}
