package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.cli.Cli;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.testkit.TestPostgres;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "An attacker on the new surfaces": NUL ({@code \u0000}, valid JSON) and times out of range at
 * the boundary. PostgreSQL refuses a NUL in text, so before the fix an Alertmanager notification holding
 * one was answered 503 on every retry (its critical group never declared), {@code /hooks/changes} 503, a
 * message event 500, and {@code migrate-db} aborted on a SQLite row holding one. NUL now becomes U+FFFD on
 * both databases. A {@code startsAt} of year +300000 was stored wrapped and a GitHub {@code created_at} of
 * year +999999999 threw {@code ArithmeticException} (503): both are now 400 naming the field.
 */
class NulAndTimeBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUL = "\u0000";

    @TempDir
    Path dir;
    private SlackStandIn slack;
    private HookBot hooks;
    private String pg;

    @AfterEach
    void stop() throws Exception {
        if (hooks != null) {
            hooks.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (pg != null) {
            TestPostgres.drop(pg);
        }
    }

    private void start(String database) throws Exception {
        Map<String, String> env = new java.util.HashMap<>();
        if (database.equals("postgresql")) {
            pg = TestPostgres.createDatabase();
            env.put("INCIDENT_DB", pg);
        }
        slack = new SlackStandIn();
        hooks = new HookBot(slack, dir.resolve("incidents.db"), env);
    }

    private static byte[] withNul(String fixture, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(HookFixtures.bytes(fixture));
        change.accept(body);
        return JSON.writeValueAsBytes(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anAlertmanagerNotificationWithANulInALabelDeclares(String database) throws Exception {
        start(database);
        byte[] body = withNul("alertmanager/firing-critical.json", b -> {
            ObjectNode labels = (ObjectNode) b.get("alerts").get(0).get("labels");
            labels.put("job", "http" + NUL + "checks");
            labels.put("zero" + NUL + "key", "v");
            ((ObjectNode) b.get("commonLabels")).put("job", "http" + NUL + "checks");
        });
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\\u0000");

        HttpResponse<String> r = hooks.post("/hooks/alertmanager", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"route\":\"declare\"").contains("\"incident\":1");
        List<TimelineEntry> alerts = hooks.bot.storage().read(r2 -> r2.timeline().list(1)).stream()
                .filter(e -> e.kind() == EntryKind.ALERT).toList();
        assertThat(alerts).singleElement().satisfies(e -> assertThat(e.text()).contains("job=http\uFFFDchecks")
                .doesNotContain(NUL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aChangeAndAGenericAlertWithNulAreStored(String database) throws Exception {
        start(database);
        HttpResponse<String> change = hooks.post("/hooks/changes", withNul("generic/change-config.json",
                b -> b.put("title", "Raise pool" + NUL + " to 50")));
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        HttpResponse<String> alert = hooks.post("/hooks/alerts", withNul("generic/alert-firing.json",
                b -> b.put("title", "Disk" + NUL + " full")));
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aMessageEventWithANulIsRecorded(String database) throws Exception {
        start(database);
        hooks.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL01");
        SlackStandIn.await("the incident channel", 10, () -> incident().channelId() != null);
        String ts = SlackEvents.ts(5);
        Map<String, Object> envelope = SlackEvents.envelope(SlackEvents.message(incident().channelId(), "UBOB00001", ts,
                "5xx" + NUL + " spike"));

        HttpResponse<String> r = hooks.slack.event(envelope, Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        java.util.Optional<TimelineEntry> stored = hooks.bot.storage().read(r2 -> r2.timeline().findMessage(1, ts));
        assertThat(stored).get().extracting(TimelineEntry::text).isEqualTo("5xx\uFFFD spike");
    }

    private Incident incident() {
        return hooks.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    @Test
    void migrateDbCopiesASqliteRowHoldingANulIntoPostgresql() {
        pg = TestPostgres.createDatabase();
        Path sqlite = dir.resolve("old.db");
        try (JdbiStorage s = Database.open(sqlite.toString())) {
            s.run(r -> {
                long n = r.incidents().create("Pool" + NUL + " exhausted", Severity.SEV2, false, null, "U1",
                        Instant.parse("2026-03-01T10:00:00Z")).number();
                r.timeline().add(new TimelineEntry(0, n, EntryKind.MESSAGE, Instant.parse("2026-03-01T10:01:00Z"),
                        "1772359260.000100", null, "U2", "a" + NUL + "b", null, false, false, List.of()));
            });
        }

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Cli.run(new String[] {"migrate-db", sqlite.toString(), pg}, System.out,
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (JdbiStorage to = Database.open(pg)) {
            assertThat(to.read(r -> r.incidents().find(1)).orElseThrow().title()).isEqualTo("Pool\uFFFD exhausted");
            assertThat(to.read(r -> r.timeline().findMessage(1, "1772359260.000100")).orElseThrow().text())
                    .isEqualTo("a\uFFFDb");
        }
    }

    @Test
    void anAlertmanagerStartsAtOfYear300000IsRefusedNamingTheField() throws Exception {
        start("sqlite");
        byte[] body = withNul("alertmanager/firing-critical.json",
                b -> ((ObjectNode) b.get("alerts").get(0)).put("startsAt", "+300000-02-06T13:08:45.828Z"));

        HttpResponse<String> r = hooks.post("/hooks/alertmanager", body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("alerts[0].startsAt: expected a time in the years 1970 to 9999");
        List<Incident> incidents = hooks.bot.storage().read(r2 -> r2.incidents().listAll());
        assertThat(incidents).isEmpty();
    }

    @Test
    void aGitHubCreatedAtOfYear999999999IsRefusedNamingTheField() throws Exception {
        start("sqlite");
        byte[] body = withNul("github/deployment_status.json",
                b -> ((ObjectNode) b.get("deployment_status")).put("created_at", "+999999999-05-15T15:20:55Z"));

        HttpResponse<String> r = hooks.github("deployment_status", "d-1", body, HookBot.GITHUB_SECRET);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("deployment_status.created_at: expected a time in the years 1970 to 9999")
                .doesNotContain("Exception");
    }

    @Test
    void timesBeforeTheEpochAreRefusedAndGosZeroTimeStillMeansNone() throws Exception {
        start("sqlite");
        HttpResponse<String> early = hooks.post("/hooks/changes", withNul("generic/change-config.json",
                b -> b.put("at", "1969-12-31T23:59:59Z")));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("at: expected a time in the years 1970 to 9999");
        HttpResponse<String> last = hooks.post("/hooks/changes", withNul("generic/change-config.json",
                b -> b.put("at", "9999-12-31T23:59:59Z")));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
    }
}
