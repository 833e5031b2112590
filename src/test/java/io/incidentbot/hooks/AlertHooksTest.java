package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.store.AlertRepository;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert webhooks over real HTTP into the running bot, with the payloads of
 * {@code src/test/resources/hooks/} (sources named in their READMEs) and a settable clock.
 */
class AlertHooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final HookBotExtension kit = new HookBotExtension();
    SlackStandIn slack;
    HookBot hooks;

    @BeforeEach
    void standIn() {
        slack = kit.slack();
    }

    private void start(Map<String, String> env) throws Exception {
        hooks = kit.start(env);
    }

    private Incident incident(long n) {
        return hooks.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    private List<TimelineEntry> entries(long n, EntryKind kind) {
        return hooks.bot.storage().read(r -> r.timeline().list(n)).stream().filter(e -> e.kind() == kind).toList();
    }

    private String channelOf(long n) {
        SlackStandIn.await("the incident channel", 10, () -> incident(n).channelId() != null);
        return incident(n).channelId();
    }

    private List<SlackStandIn.Call> postsTo(String channel) {
        return kit.postsTo(channel);
    }

    @Test
    void aCriticalGroupDeclaresOneIncidentAndItsResolutionIsTimedByEndsAt() throws Exception {
        start(Map.of());
        HttpResponse<String> first = hooks.postUntilStored("/hooks/alertmanager", HookFixtures.bytes("alertmanager/firing-critical.json"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"route\":\"declare\"").contains("\"incident\":1");
        assertThat(hooks.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + hooks.bot.metricsPort() + "/metrics")).GET().build()).body())
                .as("the notification is counted").contains("incidentbot_hook_notifications_total{source=\"alertmanager\"}");

        Incident inc = incident(1);
        assertThat(inc.title()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
        assertThat(inc.declaredBy()).isEqualTo(SlackStandIn.BOT_USER);
        assertThat(inc.roles()).doesNotContainKey(Role.LEAD);
        assertThat(entries(1, EntryKind.ALERT)).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
            assertThat(e.text()).startsWith("Alert firing: ProbeFailure (").contains("job=http_checks");
            assertThat(e.keyEvent()).isTrue();
        });

        // Alertmanager redelivers (a retry after a timeout): nothing changes.
        HttpResponse<String> again = hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/firing-critical.json"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"stored\":0");

        HttpResponse<String> resolved = hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/resolved-critical.json"));
        assertThat(resolved.body()).contains("\"route\":\"timeline\"").contains("\"stored\":1");
        assertThat(hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/resolved-critical.json")).body())
                .contains("\"stored\":0");
        // A later notification of the same group fires again: a timeline entry, never a second incident.
        ObjectNode refire = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/firing-critical.json"));
        ((ObjectNode) refire.get("alerts").get(0)).put("startsAt", "2023-02-06T14:00:00Z");
        assertThat(hooks.post("/hooks/alertmanager", JSON.writeValueAsBytes(refire)).body()).contains("\"route\":\"timeline\"");

        assertThat(openIncidents()).isEqualTo(1);
        assertThat(entries(1, EntryKind.ALERT)).extracting(TimelineEntry::at).containsExactly(
                Instant.parse("2023-02-06T13:08:45.828Z"), Instant.parse("2023-02-06T13:31:45.828Z"),
                Instant.parse("2023-02-06T14:00:00Z"));

        String channel = channelOf(1);
        SlackStandIn.await("the monitoring suggestion", 10, () -> postsTo(channel).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("/incident status monitoring")));
        SlackStandIn.await("the first digest", 10, () -> postsTo(channel).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("firing: <http://prometheus.example.org")));
        assertThat(postsTo(channel).stream().filter(c -> String.valueOf(c.arg("text")).contains("/incident status monitoring")))
                .hasSize(1);
        assertThat(incident(1).isOpen()).as("the bot never resolves by itself").isTrue();
    }

    @Test
    void anIncidentDeclaredByAnAlertGroupIsWrittenToTheAuditLogLikeEveryOtherDeclare() throws Exception {
        start(Map.of());
        ch.qos.logback.classic.Logger audit = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.incidentbot.audit");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            assertThat(hooks.postUntilStored("/hooks/alertmanager", HookFixtures.bytes("alertmanager/firing-critical.json"))
                    .body()).contains("\"route\":\"declare\"");
            // A redelivery and a later notification of the group declare nothing, so they audit nothing.
            hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/firing-critical.json"));
            hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/resolved-critical.json"));
        } finally {
            audit.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .containsExactly("incident 1 declared SEV2 by " + SlackStandIn.BOT_USER);
        assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry("incident", "1");
    }

    @Test
    void aGroupFiringAgainAfterItsIncidentWasResolvedDeclaresANewOneAndTheOldDraftKeepsItsAlerts() throws Exception {
        start(Map.of());
        hooks.postUntilStored("/hooks/alertmanager", HookFixtures.bytes("alertmanager/firing-critical.json"));
        hooks.post("/hooks/alertmanager", HookFixtures.bytes("alertmanager/resolved-critical.json"));
        String first = channelOf(1);
        SlackStandIn.await("the monitoring suggestion of incident 1", 10, () -> postsTo(first).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("/incident status monitoring")));
        hooks.command("resolve probe target back", "U0LEAD001", first);
        assertThat(incident(1).isOpen()).isFalse();

        ObjectNode refire = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/firing-critical.json"));
        ((ObjectNode) refire.get("alerts").get(0)).put("startsAt", "2023-02-06T15:00:00Z");
        assertThat(hooks.post("/hooks/alertmanager", JSON.writeValueAsBytes(refire)).body())
                .contains("\"route\":\"declare\"").contains("\"incident\":2");
        assertThat(openIncidents()).isEqualTo(1);
        assertThat(entries(2, EntryKind.ALERT)).extracting(TimelineEntry::at)
                .containsExactly(Instant.parse("2023-02-06T15:00:00Z"));
        // Its resolution goes to incident 2 and, once more, suggests monitoring in its channel.
        ObjectNode resolved = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/resolved-critical.json"));
        ((ObjectNode) resolved.get("alerts").get(0)).put("startsAt", "2023-02-06T15:00:00Z")
                .put("endsAt", "2023-02-06T15:10:00Z");
        assertThat(hooks.post("/hooks/alertmanager", JSON.writeValueAsBytes(resolved)).body())
                .contains("\"route\":\"timeline\"").contains("\"incident\":2");
        String second = channelOf(2);
        SlackStandIn.await("the monitoring suggestion of incident 2", 10, () -> postsTo(second).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("/incident status monitoring")));
        // Issue 22, "seen before": incident 2's channel is told, once, that the same alert group declared incident 1
        SlackStandIn.await("the seen-before post", 10, () -> postsTo(second).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("Seen before")));
        assertThat(postsTo(second).stream().map(c -> String.valueOf(c.arg("text"))).filter(t -> t.contains("Seen before")))
                .singleElement().satisfies(t -> assertThat(t).contains("*Incident 1: BlackBox Probe Failure: https://server.example.org*",
                        "SEV2", "same alert group", "<#" + first + ">", "No open follow-ups."));
        assertThat(postsTo(first)).noneMatch(c -> String.valueOf(c.arg("text")).contains("Seen before"));

        String old = draft(1);
        assertThat(old).as("incident 1 keeps its own alerts").contains("## Alerts\n\n"
                + "| Alert | First fired | Resolved | Duration | Link |\n|---|---|---|---|---|\n"
                + "| ProbeFailure | 2023-02-06 13:08 | 2023-02-06 13:31 | 23 min |");
        assertThat(old.substring(old.indexOf("## Timeline of key events"), old.indexOf("## Root cause")))
                .contains("Alert firing: ProbeFailure").contains("Alert resolved: ProbeFailure").doesNotContain("15:00");
        String now = draft(2);
        assertThat(now).contains("| ProbeFailure | 2023-02-06 15:00 | 2023-02-06 15:10 | 10 min |")
                .doesNotContain("13:08");
    }

    private String draft(long number) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        new io.incidentbot.postmortem.PostmortemService(hooks.bot.storage(), io.incidentbot.postmortem.UserDirectory.NONE,
                hooks.clock, java.time.ZoneOffset.UTC, new io.incidentbot.postmortem.StoredAlerts()).render(number, out);
        return out.toString();
    }

    @Test
    void aGroupThatDoesNotDeclareHasOneMessageInTheAlertsChannelUpdatedInPlace() throws Exception {
        start(Map.of("INCIDENT_ALERTS_CHANNEL", HookBot.ALERTS_CHANNEL));
        assertThat(hooks.post("/hooks/grafana", HookFixtures.bytes("grafana/firing.json")).body())
                .contains("\"route\":\"alerts_channel\"").contains("\"stored\":2");
        SlackStandIn.await("the alert group message", 10, () -> postsTo(HookBot.ALERTS_CHANNEL).size() == 1);
        SlackStandIn.Call post = postsTo(HookBot.ALERTS_CHANNEL).get(0);
        assertThat(post.arg("text")).isEqualTo("Firing (2 of 2): High memory usage");
        assertThat(post.arg("blocks")).contains("declare_from_alert").contains("High memory usage").contains("High CPU usage");
        // Grafana-managed alerts (issue 24): each line links the alert's own silenceURL, as Grafana sent it
        List<String> lines = JSON.readTree(post.arg("blocks")).get(0).get("text").get("text").asText().lines()
                .filter(l -> l.startsWith("• ")).toList();
        assertThat(lines).hasSize(2);
        assertThat(post.arg("blocks")).as("no Alertmanager form built from Grafana's own externalURL")
                .doesNotContain("#/silences/new");
        assertThat(lines.get(0)).contains("High memory usage").contains("<https://play.grafana.org/alerting/silence/new?"
                + "alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1|Silence>");
        assertThat(lines.get(1)).contains("High CPU usage").contains("<https://play.grafana.org/alerting/silence/new?"
                + "alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1|Silence>");

        assertThat(hooks.post("/hooks/grafana", HookFixtures.bytes("grafana/resolved.json")).body()).contains("\"stored\":1");
        // Within 10 s of the message nothing more goes to Slack; then one chat.update of the same message.
        assertThat(slack.calls("chat.update")).isEmpty();
        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("the update in place", 10, () -> slack.calls("chat.update").size() == 1);
        SlackStandIn.Call update = slack.calls("chat.update").get(0);
        assertThat(update.arg("channel")).isEqualTo(HookBot.ALERTS_CHANNEL);
        assertThat(update.arg("ts")).isEqualTo(slack.messages(HookBot.ALERTS_CHANNEL).get(0).get("ts"));
        assertThat(update.arg("text")).startsWith("Firing (1 of 2)");
        assertThat(postsTo(HookBot.ALERTS_CHANNEL)).hasSize(1);
        assertThat(openIncidents()).isZero();
    }

    @Test
    void aStormOfAThousandNotificationsStoresEveryTransitionAndCostsADigestPerTenSeconds() throws Exception {
        start(Map.of());
        ObjectNode body = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/firing-critical.json"));
        ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
        Instant base = Instant.parse("2023-02-06T13:08:45Z");
        hooks.postUntilStored("/hooks/alertmanager", JSON.writeValueAsBytes(body));
        String channel = channelOf(1);
        SlackStandIn.await("the first digest", 10, () -> postsTo(channel).stream()
                .anyMatch(c -> String.valueOf(c.arg("text")).contains("alert firing")));
        int callsBefore = slack.calls().size();
        for (int i = 1; i < 1000; i++) {
            alert.put("fingerprint", String.format("%016x", i));
            ((ObjectNode) alert.get("labels")).put("instance", "https://server-" + i + ".example.org");
            alert.put("startsAt", base.plusSeconds(i % 60).toString());
            HttpResponse<String> r = hooks.post("/hooks/alertmanager", JSON.writeValueAsBytes(body));
            assertThat(r.statusCode()).isEqualTo(200);
        }
        long groupId = hooks.bot.storage().read(r -> r.alerts().findByIncident(1)).orElseThrow().id();
        long stored = hooks.bot.storage().read(r -> r.alerts().transitionCount(groupId));
        assertThat(stored).isEqualTo(1000);
        assertThat(entries(1, EntryKind.ALERT)).hasSize(1000);
        assertThat(openIncidents()).isEqualTo(1);
        // The clock has not moved: no Slack call at all for 999 notifications.
        assertThat(slack.calls().size()).isEqualTo(callsBefore);

        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("the storm digest", 10, () -> slack.calls().size() > callsBefore);
        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("the rest of the storm", 10, () -> hooks.bot.storage().read(r -> r.alerts().find(groupId))
                .orElseThrow().postedThrough() >= lastTransition(groupId));
        List<SlackStandIn.Call> digests = postsTo(channel).stream()
                .filter(c -> String.valueOf(c.arg("text")).contains("more alerts firing")).toList();
        assertThat(digests).as("one digest per 10 s: 500 transitions read per digest").hasSize(2);
        assertThat(digests.get(0).arg("text")).startsWith(":rotating_light: 500 more alerts firing: ");
        assertThat(slack.calls().size() - callsBefore).isEqualTo(2);
    }

    @Test
    void twoHundredGroupsAtOnceAreOneMessageEachAndOneUpdateEachPerTenSeconds() throws Exception {
        // The post cap (default 20/10m, AlertStormTest) is off here: this is about coalescing per group.
        start(Map.of("INCIDENT_ALERTS_CHANNEL", HookBot.ALERTS_CHANNEL, "INCIDENT_ALERT_POST_MAX", "off"));
        for (int i = 0; i < 200; i++) {
            String body = "{\"title\":\"Disk 90% full on db-" + i + "\",\"status\":\"firing\",\"dedup_key\":\"disk-db-" + i
                    + "\",\"severity\":\"warning\",\"at\":\"2026-11-27T14:00:00Z\"}";
            HttpResponse<String> r = hooks.postUntilStored("/hooks/alerts", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(r.body()).contains("\"route\":\"alerts_channel\"");
        }
        SlackStandIn.await("200 group messages", 30, () -> postsTo(HookBot.ALERTS_CHANNEL).size() == 200);
        for (int i = 0; i < 200; i++) {
            String lastResolved = i % 2 == 0 ? "2026-11-27T14:01:00Z" : "2026-11-27T14:03:00Z";
            for (String[] step : List.of(new String[] {"resolved", "2026-11-27T14:01:00Z"},
                    new String[] {"firing", "2026-11-27T14:02:00Z"}, new String[] {"resolved", lastResolved})) {
                String status = step[0];
                String at = step[1];
                String body = "{\"title\":\"Disk 90% full on db-" + i + "\",\"status\":\"" + status + "\",\"dedup_key\":\"disk-db-" + i
                        + "\",\"severity\":\"warning\",\"at\":\"" + at + "\"}";
                assertThat(hooks.post("/hooks/alerts", body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode())
                        .isEqualTo(200);
            }
        }
        assertThat(slack.calls("chat.update")).as("nothing within 10 s of each group's message").isEmpty();
        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("one update per group", 30, () -> slack.calls("chat.update").size() == 200);
        assertThat(postsTo(HookBot.ALERTS_CHANNEL)).hasSize(200);
        assertThat(slack.calls("chat.update")).extracting(c -> c.arg("ts")).doesNotHaveDuplicates();
        // Odd groups resolved again at 14:03; even groups were sent their 14:01 resolution a second time,
        // which is the same notification as before and changes nothing: they stay firing since 14:02.
        assertThat(slack.calls("chat.update")).filteredOn(c -> c.arg("text").startsWith("Resolved: Disk 90% full")).hasSize(100);
        assertThat(slack.calls("chat.update")).filteredOn(c -> c.arg("text").startsWith("Firing (1 of 1): Disk 90% full")).hasSize(100);
        assertThat(openIncidents()).isZero();
    }

    private int openIncidents() {
        List<Incident> open = hooks.bot.storage().read(r -> r.incidents().listOpen());
        return open.size();
    }

    private long lastTransition(long groupId) {
        List<AlertRepository.StoredTransition> all = hooks.bot.storage().read(r -> r.alerts().transitionsAfter(groupId, 0, 2000));
        return all.get(all.size() - 1).id();
    }
}
