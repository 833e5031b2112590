package io.incidentbot.pager;

import io.incidentbot.incident.Severity;
import io.incidentbot.pager.inbound.PagerDutySignature;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /hooks/pagerduty} and {@code /hooks/jsm-ops} over real HTTP through the running bot, with payloads
 * shaped as PagerDuty's and Opsgenie's documents show ({@code src/test/resources/pager/}, source in each file).
 */
class PagerHooksTest {
    private static final String SECRET = "pd-webhook-secret-0123456789abcdef";
    private static final String OLD_SECRET = "pd-webhook-secret-rotated-out-000";
    private static final String TOKEN = "hook-token-0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-03-01T03:12:00Z");

    @TempDir
    Path dir;
    SlackStandIn slack;
    RunningBot bot;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("PAGERDUTY_WEBHOOK_SECRET", SECRET);
        env.put("INCIDENT_WEBHOOK_TOKEN", TOKEN);
        env.put("JSM_OPS_API_KEY", "eb243592-faa2-4ba2-a551-1afdf565c889");
        bot = RunningBot.start(slack, env);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        slack.close();
    }

    /** Declares incident 1 and records that it was paged through {@code pager}. */
    private long pagedIncident(PagerKind pager) {
        return bot.bot.storage().transaction(r -> {
            long n = r.incidents().create("Checkout down", Severity.SEV1, false, null, "U_DECLARER", T0).number();
            r.pages().triggered(n, pager, DedupKey.of(n), null, T0);
            return n;
        });
    }

    private Page page(long n, PagerKind pager) {
        return bot.bot.storage().read(r -> r.pages().find(n, pager)).orElseThrow();
    }

    private List<TimelineEntry> pageEntries(long n) {
        return bot.bot.storage().read(r -> r.timeline().list(n)).stream().filter(e -> e.kind() == EntryKind.PAGE).toList();
    }

    static byte[] fixture(String name) {
        try (InputStream in = PagerHooksTest.class.getResourceAsStream("/pager/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> pagerDuty(byte[] body, String signature) {
        return post("/hooks/pagerduty", body, signature == null ? Map.of() : Map.of(PagerDutySignature.HEADER, signature));
    }

    @Test
    void aSignedAcknowledgementAcknowledgesThePageOnceEvenWhenRedelivered() {
        long n = pagedIncident(PagerKind.PAGERDUTY);
        byte[] ack = fixture("pagerduty-incident.acknowledged.json");

        HttpResponse<String> first = pagerDuty(ack, PagerDutySignature.sign(ack, SECRET));
        assertThat(first.statusCode()).isEqualTo(200);
        Page p = page(n, PagerKind.PAGERDUTY);
        assertThat(p.state()).isEqualTo(Page.State.ACKNOWLEDGED);
        assertThat(p.acknowledgedBy()).isEqualTo("Tenex Engineer");
        assertThat(p.acknowledgedAt()).isEqualTo(Instant.parse("2020-10-02T18:45:22.169Z"));
        assertThat(p.externalId()).as("PagerDuty's incident ID, kept for later events").isEqualTo("PGR0VU2");

        HttpResponse<String> again = pagerDuty(ack, PagerDutySignature.sign(ack, SECRET));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(pageEntries(n)).extracting(TimelineEntry::text).containsExactly("Acknowledged by Tenex Engineer (PagerDuty)");
    }

    @Test
    void duringASecretRotationAnyListedSignaturePassesAndNoMatchingOneIs401() {
        long n = pagedIncident(PagerKind.PAGERDUTY);
        byte[] ack = fixture("pagerduty-incident.acknowledged.json");

        assertThat(pagerDuty(ack, null).statusCode()).isEqualTo(401);
        assertThat(pagerDuty(ack, PagerDutySignature.sign(ack, OLD_SECRET)).statusCode()).isEqualTo(401);
        assertThat(pagerDuty(ack, "v0=" + PagerDutySignature.sign(ack, SECRET).substring(3)).statusCode())
                .as("only v1 signatures count").isEqualTo(401);
        byte[] tampered = new String(ack, StandardCharsets.UTF_8).replace("Tenex", "Mallory").getBytes(StandardCharsets.UTF_8);
        assertThat(pagerDuty(tampered, PagerDutySignature.sign(ack, SECRET)).statusCode()).isEqualTo(401);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).as("nothing refused is applied").isEqualTo(Page.State.TRIGGERED);

        String rotating = PagerDutySignature.sign(ack, OLD_SECRET) + "," + PagerDutySignature.sign(ack, SECRET);
        assertThat(pagerDuty(ack, rotating).statusCode()).isEqualTo(200);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.ACKNOWLEDGED);
    }

    @Test
    void otherEventTypesAndOtherIncidentsAre202AndChangeNothing() {
        long n = pagedIncident(PagerKind.PAGERDUTY);
        byte[] priority = fixture("pagerduty-incident.priority_updated.json");
        HttpResponse<String> ignored = pagerDuty(priority, PagerDutySignature.sign(priority, SECRET));
        assertThat(ignored.statusCode()).isEqualTo(202);

        byte[] resolved = fixture("pagerduty-incident.resolved.json");
        HttpResponse<String> notOurs = pagerDuty(resolved, PagerDutySignature.sign(resolved, SECRET));
        assertThat(notOurs.statusCode()).as("incident_key is not ours and PGR0VU2 is no page of ours").isEqualTo(202);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.TRIGGERED);
        assertThat(pageEntries(n)).isEmpty();

        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> malformed = pagerDuty(garbage, PagerDutySignature.sign(garbage, SECRET));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void aPageIsFoundByPagerDutysIncidentIdWhenTheKeyIsNotOurs() {
        long n = pagedIncident(PagerKind.PAGERDUTY);
        bot.bot.storage().run(r -> r.pages().externalId(n, PagerKind.PAGERDUTY, "PGR0VU2"));
        byte[] resolved = fixture("pagerduty-incident.resolved.json");
        assertThat(pagerDuty(resolved, PagerDutySignature.sign(resolved, SECRET)).statusCode()).isEqualTo(200);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.RESOLVED);
        assertThat(pageEntries(n)).extracting(TimelineEntry::text).containsExactly("Page resolved in PagerDuty by Tenex Engineer");
    }

    @Test
    void jsmOpsNeedsTheBearerTokenAndAcknowledgesNotesAndClosesByAlias() {
        long n = pagedIncident(PagerKind.JSM_OPS);
        byte[] ack = fixture("jsm-ops-acknowledge.json");
        assertThat(post("/hooks/jsm-ops", ack, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/jsm-ops", ack, Map.of("Authorization", "Bearer wrong-token-0000000000")).statusCode()).isEqualTo(401);
        assertThat(page(n, PagerKind.JSM_OPS).state()).isEqualTo(Page.State.TRIGGERED);

        Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
        assertThat(post("/hooks/jsm-ops", ack, auth).statusCode()).isEqualTo(200);
        assertThat(post("/hooks/jsm-ops", ack, auth).body()).contains("duplicate");
        assertThat(page(n, PagerKind.JSM_OPS).acknowledgedBy()).isEqualTo("ana.oncall@example.com");
        assertThat(post("/hooks/jsm-ops", fixture("jsm-ops-addnote.json"), auth).statusCode()).isEqualTo(200);
        assertThat(post("/hooks/jsm-ops", fixture("jsm-ops-close.json"), auth).statusCode()).isEqualTo(200);
        assertThat(page(n, PagerKind.JSM_OPS).state()).isEqualTo(Page.State.RESOLVED);
        assertThat(pageEntries(n)).extracting(TimelineEntry::text).containsExactly(
                "Acknowledged by ana.oncall@example.com (JSM Ops)",
                "Note from ana.oncall@example.com (JSM Ops): rolling back the deploy now",
                "Page resolved in JSM Ops by ana.oncall@example.com");
        assertThat(post("/hooks/jsm-ops", "[]".getBytes(StandardCharsets.UTF_8), auth).statusCode()).isEqualTo(400);
    }
}
