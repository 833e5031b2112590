package io.incidentbot.slack.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.hooks.HookFixtures;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.StoredAlerts;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The <b>Declare incident</b> button of an alert group's message in the alerts channel, through a Grafana
 * webhook and signed interactivity requests (block_actions, then view_submission) into the running bot.
 */
class DeclareFromAlertTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "hook-token-0123456789abcdef";
    private static final String ALERTS = "CALERTS001";
    private static final String ALICE = "UALICE001";

    @TempDir
    Path dir;
    SlackStandIn slack;
    RunningBot bot;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        Map<String, String> env = new HashMap<>(RunningBot.env(slack, dir.resolve("incidents.db")));
        env.put("INCIDENT_WEBHOOK_TOKEN", TOKEN);
        env.put("INCIDENT_ALERTS_CHANNEL", ALERTS);
        bot = RunningBot.start(slack, env);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        slack.close();
    }

    private String grafana(String fixture) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port()
                        + "/hooks/grafana")).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HookFixtures.bytes("grafana/" + fixture))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private List<TimelineEntry> alertEntries(long n) {
        return bot.bot.storage().read(r -> r.timeline().list(n)).stream().filter(e -> e.kind() == EntryKind.ALERT)
                .toList();
    }

    /** Clicks the button of the group's message as Slack sends it; @return the modal {@code views.open} opened */
    private JsonNode clickDeclare() throws Exception {
        await("the alert group message", 10, () -> slack.messages(ALERTS).size() == 1);
        SlackStandIn.Call post = slack.calls("chat.postMessage").stream().filter(c -> ALERTS.equals(c.arg("channel")))
                .findFirst().orElseThrow();
        JsonNode button = null;
        for (JsonNode block : JSON.readTree(post.arg("blocks"))) {
            for (JsonNode e : block.path("elements")) {
                if ("declare_from_alert".equals(e.path("action_id").asText())) {
                    button = e;
                }
            }
        }
        assertThat(button).as("the Declare incident button").isNotNull();
        int opened = slack.calls("views.open").size();
        String ts = String.valueOf(slack.messages(ALERTS).get(0).get("ts"));
        assertThat(bot.client.interactivity(InteractionPayloads.buttonClick(ALICE, ALERTS, ts, "declare_from_alert",
                button.path("value").asText(), slack.url("/response/alert"))).statusCode()).isEqualTo(200);
        await("views.open", 10, () -> slack.calls("views.open").size() > opened);
        return JSON.readTree(slack.calls("views.open").get(opened).arg("view"));
    }

    private HttpResponse<String> submit(JsonNode view, String title) {
        return submit(view, title, Map.of());
    }

    /** @param more further {@code view.state.values} entries, e.g. the Invite field's */
    private HttpResponse<String> submit(JsonNode view, String title, Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>(more);
        values.putAll(text("title", title));
        values.putAll(select("severity", "SEV2"));
        return bot.client.interactivity(submission(ALICE, view.path("callback_id").asText(),
                view.path("private_metadata").asText(), values));
    }

    @Test
    void anIncidentDeclaredFromTheButtonTakesTheGroupsAlertsItsLaterNotificationsAndInvitesThePeoplePicked() throws Exception {
        assertThat(grafana("firing.json")).contains("\"route\":\"alerts_channel\"");
        JsonNode view = clickDeclare();
        assertThat(view.path("blocks").toString()).contains("\"initial_value\":\"High memory usage\"");
        assertThat(view.path("blocks").findValuesAsText("block_id")).as("issue 25: the alert's form has the invite fields too")
                .contains(DeclareModal.INVITE, DeclareModal.USERGROUPS);

        slack.usergroup("S0ONCALL01", "UONCALL01", "UONCALL02");
        HttpResponse<String> declared = submit(view, "High memory usage on prod", Map.of(DeclareModal.INVITE, Map.of(
                DeclareModal.INVITE, Map.of("type", "multi_users_select", "selected_users", List.of("UCAROL001", "UDAN00001"))),
                DeclareModal.USERGROUPS, Map.of(DeclareModal.USERGROUPS, Map.of("type", "multi_external_select",
                        "selected_options", List.of(Map.of("text", Map.of("type", "plain_text", "text", "@s0oncall01 (S0ONCALL01)"),
                                "value", "S0ONCALL01"))))));
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).doesNotContain("errors");
        Incident inc = bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
        assertThat(inc.title()).isEqualTo("High memory usage on prod");
        assertThat(inc.roles()).containsEntry(Role.LEAD, ALICE);
        assertThat(alertEntries(1)).as("the group's alerts are key events at their own times").allSatisfy(e ->
                assertThat(e.keyEvent()).isTrue()).extracting(TimelineEntry::at, TimelineEntry::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2021-10-12T07:51:03.157076Z"),
                        "Alert firing: High memory usage https://play.grafana.org/alerting/1afz29v7z/edit"),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2021-10-12T07:56:03.157076Z"),
                        "Alert firing: High CPU usage https://play.grafana.org/alerting/d1rdpdv7k/edit"));

        // A later notification of the group goes to the incident's timeline, not to the alerts channel.
        assertThat(grafana("resolved.json")).contains("\"route\":\"timeline\"").contains("\"incident\":1");
        assertThat(alertEntries(1)).hasSize(3).last().satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.parse("2021-10-12T08:21:03.157076Z"));
            assertThat(e.text()).startsWith("Alert resolved: High memory usage");
        });
        await("the incident channel", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow()
                .channelId() != null);
        String incidentChannel = bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow().channelId();
        await("the people and the group's members picked in the invite fields invited", 10, () -> slack.calls("conversations.invite")
                .stream().anyMatch(c -> incidentChannel.equals(c.arg("channel"))
                        && List.of(c.arg("users").split(",")).containsAll(List.of("UCAROL001", "UDAN00001", "UONCALL01", "UONCALL02"))));
        List<TimelineEntry> entries = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(entries).as("like /incident invite, a timeline entry")
                .anySatisfy(e -> assertThat(e.text()).isEqualTo(
                        "@{UALICE001} invited @{UCAROL001}, @{UDAN00001}, the members of user group S0ONCALL01"));
        await("the alerts digest in the incident channel", 20, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> incidentChannel.equals(c.arg("channel")) && String.valueOf(c.arg("text"))
                        .contains("High CPU usage")));

        StringWriter draft = new StringWriter();
        new PostmortemService(bot.bot.storage(), UserDirectory.NONE, Clock.systemUTC(), ZoneOffset.UTC,
                new StoredAlerts()).render(1, draft);
        String md = draft.toString();
        assertThat(md.substring(md.indexOf("## Alerts"), md.indexOf("## Changes") > 0 ? md.indexOf("## Changes")
                : md.indexOf("## Summary"))).contains("| High memory usage | 2021-10-12 07:51 | 2021-10-12 08:21 | 30 min |")
                .contains("| High CPU usage | 2021-10-12 07:56 | still firing |");
        assertThat(List.of(bot.client.command("list", ALICE, "CGENERAL1").body())).singleElement().asString()
                .contains("opened by alerts");
    }

    @Test
    void declaringAgainFromTheButtonWhileTheGroupsIncidentIsOpenIsRefusedInTheModal() throws Exception {
        grafana("firing.json");
        JsonNode view = clickDeclare();
        assertThat(submit(view, "High memory usage").body()).doesNotContain("errors");

        HttpResponse<String> again = submit(view, "High memory usage, again");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"response_action\":\"errors\"").contains("\"title\"")
                .contains("Incident 1 is already open for this alert group");
        List<Incident> all = bot.bot.storage().read(r -> r.incidents().listAll());
        assertThat(all).hasSize(1);
    }
}
