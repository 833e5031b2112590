package io.incidentbot.statuspage;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas on one PostgreSQL database answer the same page, byte for byte (same ETag), from the database alone. */
class ReplicasShowTheSamePageOnPostgresTest {
    @Test
    void aChangeMadeOnOneReplicaShowsOnTheOther() throws Exception {
        String url = TestPostgres.createDatabase();
        TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
        HttpClient http = HttpClient.newHttpClient();
        try (Storage a = Database.open(url); Storage b = Database.open(url);
             StatusPageServer one = new StatusPageServer(0, new StatusPageHttp(new StatusPageReader(a, clock, ZoneOffset.UTC, "Acme"), null));
             StatusPageServer two = new StatusPageServer(0, new StatusPageHttp(new StatusPageReader(b, clock, ZoneOffset.UTC, "Acme"), null))) {
            one.start();
            two.start();
            StatusPageService onA = new StatusPageService(a, clock);
            var api = onA.addComponent("API");
            long n = a.transaction(r -> r.incidents().create("internal", Severity.SEV1, false, null, "U1", clock.instant())).number();
            onA.publish(n, new StatusPageService.Publication("Down", PublicStatus.INVESTIGATING,
                    Map.of(api.id(), ComponentState.MAJOR_OUTAGE), "Looking"), "U1");
            clock.advance(Duration.ofMinutes(3));
            for (String path : new String[]{"/status", "/api/v2/summary.json", "/status/history.atom"}) {
                HttpResponse<String> x = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + one.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> y = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + two.port() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(x.statusCode()).isEqualTo(200);
                assertThat(y.body().replace(":" + two.port(), ":PORT")).isEqualTo(x.body().replace(":" + one.port(), ":PORT"));
                assertThat(y.body()).contains("Down");
            }
        } finally {
            TestPostgres.drop(url);
        }
    }
}
