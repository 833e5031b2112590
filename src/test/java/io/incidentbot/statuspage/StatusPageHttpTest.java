package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusPageHttpTest {
    @TempDir
    Path dir;
    StatusPageFixture page;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        page = new StatusPageFixture(dir);
    }

    @AfterEach
    void stop() {
        page.close();
    }

    @Test
    void anEmptyPageSaysAllSystemsOperationalAndIsCacheable() throws Exception {
        page.service.addComponent("API");
        HttpResponse<String> r = page.get("/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(r.body()).contains("All Systems Operational").contains("API").contains("Operational");
        assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=30");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = page.get("/status", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void aChangeGivesANewETagSoAConditionalGetSeesIt() throws Exception {
        page.service.addComponent("API");
        String etag = page.get("/api/v2/status.json").headers().firstValue("ETag").orElseThrow();
        long n = page.declare("disk full", false);
        page.clock.advance(Duration.ofMinutes(1));
        page.service.publish(n, new StatusPageService.Publication("Slow API", PublicStatus.INVESTIGATING, Map.of(), "Looking"), "U1");
        HttpResponse<String> r = page.get("/api/v2/status.json", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body()).at("/status/indicator").asText()).isEqualTo("minor");
    }

    @Test
    void aPublishedIncidentShowsItsPublicTitleAndUpdatesNewestFirstAndNothingInternal() throws Exception {
        var api = page.service.addComponent("API");
        page.service.addComponent("Web/Dashboard");
        long n = page.declare("INTERNAL db-7 disk full, ask @bob", false);
        page.service.publish(n, new StatusPageService.Publication("Errors on the API", PublicStatus.INVESTIGATING,
                Map.of(api.id(), ComponentState.MAJOR_OUTAGE), "We are looking into errors <script>alert(1)</script>"), "U1");
        page.clock.advance(Duration.ofMinutes(5));
        page.service.update(n, PublicStatus.IDENTIFIED, "Found the cause & fixing it", Map.of(), "U1");

        String html = page.get("/status").body();
        assertThat(html).contains("Major Service Outage").contains("Errors on the API").contains("Major outage")
                .contains("Found the cause &amp; fixing it")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)").doesNotContain("INTERNAL").doesNotContain("U_LEAD");
        assertThat(html.indexOf("Found the cause")).isLessThan(html.indexOf("We are looking"));
        assertThat(html).contains("<h3 class=\"group\">Web</h3>");
        assertThat(html).contains("datetime=\"2026-03-10T12:05:00Z\"").contains("2026-03-10 12:05 UTC");

        String id = page.service.publishedOf(n).orElseThrow().publicId();
        // random, never the number (a random ID may well contain the digit "1", so compare whole values)
        assertThat(id).isNotEqualTo(String.valueOf(n)).matches("[0-9a-z]{12}");
        HttpResponse<String> one = page.get("/status/incidents/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("Errors on the API").contains("Identified").doesNotContain("INTERNAL");
        assertThat(page.get("/status/incidents/" + n).statusCode()).isEqualTo(404);
        assertThat(page.get("/status/incidents/zzzzzzzzzzzz").statusCode()).isEqualTo(404);
    }

    @Test
    void resolvingPutsComponentsBackAndMovesTheIncidentToHistory() throws Exception {
        var api = page.service.addComponent("API");
        long n = page.declare("x", false);
        page.service.publish(n, new StatusPageService.Publication("Logins fail", PublicStatus.IDENTIFIED,
                Map.of(api.id(), ComponentState.PARTIAL_OUTAGE), "Working on it"), "U1");
        page.clock.advance(Duration.ofMinutes(30));
        page.service.resolve(n, "Fixed: logins work again", "U1");

        String html = page.get("/status").body();
        assertThat(html).contains("All Systems Operational").doesNotContain("Logins fail");
        assertThat(html).contains("Partial outage 30 min"); // today's history bar text
        String history = page.get("/status/history").body();
        assertThat(history).contains("March 2026").contains("Logins fail").contains("Fixed: logins work again");

        JsonNode incidents = json.readTree(page.get("/api/v2/incidents.json").body()).get("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(incidents.get(0).get("impact").asText()).isEqualTo("major");
        assertThat(incidents.get(0).get("resolved_at").asText()).isEqualTo("2026-03-10T12:30:00.000Z");
        assertThat(json.readTree(page.get("/api/v2/incidents/unresolved.json").body()).get("incidents")).isEmpty();
    }

    @Test
    void aPrivateIncidentIsRefusedAndNothingIsPublished() throws Exception {
        long n = page.declare("secret", true);
        assertThatThrownBy(() -> page.service.publish(n, new StatusPageService.Publication("t", PublicStatus.INVESTIGATING,
                Map.of(), "m"), "U1")).isInstanceOf(StatusPageException.class)
                .hasMessage("A private incident cannot be published to the status page.");
        assertThat(page.service.publishedOf(n)).isEmpty();
        assertThat(json.readTree(page.get("/api/v2/incidents.json").body()).get("incidents")).isEmpty();
    }

    @Test
    void everyPublicChangeIsATimelineEntry() {
        long n = page.declare("x", false);
        page.service.publish(n, new StatusPageService.Publication("Slow", PublicStatus.INVESTIGATING, Map.of(), "Looking"), "U1");
        page.service.resolve(n, "All good", "U2");
        List<String> texts = page.storage.read(r -> r.timeline().list(n)).stream().map(e -> e.text()).toList();
        assertThat(texts).contains("Published to the status page: Slow (investigating): Looking",
                "Published to the status page: (resolved): All good");
    }

    @Test
    void maintenanceShowsUpcomingThenInProgressByTheClock() throws Exception {
        var db = page.service.addComponent("Database");
        page.service.scheduleMaintenance("DB upgrade", "Writes pause for 10 minutes", StatusPageFixture.T0.plusSeconds(3600),
                StatusPageFixture.T0.plusSeconds(7200), List.of("Database"), "U1");
        assertThat(page.get("/status").body()).contains("DB upgrade").contains("Upcoming").contains("All Systems Operational");
        assertThat(json.readTree(page.get("/api/v2/scheduled-maintenances/upcoming.json").body()).get("scheduled_maintenances")).hasSize(1);
        page.clock.advance(Duration.ofMinutes(61));
        String html = page.get("/status").body();
        assertThat(html).contains("In progress").contains("Under maintenance").contains("Service Under Maintenance");
        JsonNode summary = json.readTree(page.get("/api/v2/summary.json").body());
        assertThat(summary.at("/components/0/status").asText()).isEqualTo("under_maintenance");
        assertThat(summary.at("/scheduled_maintenances/0/status").asText()).isEqualTo("in_progress");
        page.clock.advance(Duration.ofHours(1));
        assertThat(page.get("/status").body()).doesNotContain("DB upgrade").contains("All Systems Operational");
        assertThat(json.readTree(page.get("/api/v2/scheduled-maintenances.json").body()).at("/scheduled_maintenances/0/status").asText())
                .isEqualTo("completed");
        assertThat(db.name()).isEqualTo("Database");
    }

    @Test
    void feedsAreWellFormedAndEscapeText() throws Exception {
        long n = page.declare("x", false);
        page.service.publish(n, new StatusPageService.Publication("A <b> & C", PublicStatus.INVESTIGATING, Map.of(),
                "Body with ]]> and \u0001 control"), "U1");
        for (String feed : List.of("/status/history.atom", "/status/history.rss")) {
            HttpResponse<String> r = page.get(feed);
            assertThat(r.statusCode()).isEqualTo(200);
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getTextContent()).contains("A <b> & C (investigating)").contains("Body with ]]> and  control");
        }
        assertThat(page.get("/status/history.atom").headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
    }

    @Test
    void onlyGetAndHeadAreAnsweredAndUnknownPathsAre404WithoutDetails() throws Exception {
        HttpResponse<String> post = page.send("POST", "/status");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<String> head = page.send("HEAD", "/api/v2/summary.json");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(page.get("/api/v2/nothing.json").statusCode()).isEqualTo(404);
        assertThat(page.get("/slack/events").statusCode()).isEqualTo(404);
        HttpResponse<String> css = page.get("/status/assets/status.css");
        assertThat(css.body()).contains("prefers-color-scheme: dark");
        assertThat(page.get("/api/v2/summary.json").headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(page.get("/status").headers().firstValue("Server")).isEmpty();
    }

    @Test
    void theClockDecidesTheHistoryBars() throws Exception {
        var api = page.service.addComponent("API");
        long n = page.declare("x", false);
        page.service.publish(n, new StatusPageService.Publication("Down", PublicStatus.INVESTIGATING,
                Map.of(api.id(), ComponentState.MAJOR_OUTAGE), "Down"), "U1");
        page.clock.advance(Duration.ofHours(2));
        String html = page.get("/status").body();
        assertThat(html).contains("2026-03-10: Major outage 2 h").contains("2026-03-09: No data");
        assertThat(Instant.parse("2026-03-10T14:00:00Z")).isEqualTo(page.clock.instant());
    }
}
