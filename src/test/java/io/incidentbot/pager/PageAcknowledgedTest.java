package io.incidentbot.pager;

import io.incidentbot.pager.inbound.PagerDutySignature;
import io.incidentbot.slack.interactions.InteractionPayloads;
import io.incidentbot.slack.render.Header;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.JsmOpsStandIn;
import io.incidentbot.testkit.PagerDutyStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, "Acknowledgements back", through the running bot: a pager's acknowledgement is a line in the incident
 * channel and on the header ("Paged PagerDuty ... · acknowledged by ..."), and the acknowledger, when a Slack user
 * has the email the pager gives ({@code users.lookupByEmail}), is invited to the channel. With two pagers set, the
 * header's <b>Page on-call</b> modal pages the pagers the person ticks, with their message.
 */
class PageAcknowledgedTest {
    private static final String SECRET = "pd-webhook-secret-0123456789abcdef";
    private static final String TOKEN = "hook-token-0123456789abcdef";

    @TempDir
    Path dir;
    SlackStandIn slack;
    PagerDutyStandIn pagerDuty;
    JsmOpsStandIn jsm;
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        pagerDuty = new PagerDutyStandIn();
        jsm = new JsmOpsStandIn();
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY);
        env.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString());
        env.put("PAGERDUTY_WEBHOOK_SECRET", SECRET);
        env.put("JSM_OPS_API_KEY", JsmOpsStandIn.API_KEY);
        env.put("JSM_OPS_API_URL", jsm.alertsUrl().toString());
        env.put("INCIDENT_WEBHOOK_TOKEN", TOKEN);
        bot = RunningBot.start(slack, env);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        jsm.close();
        pagerDuty.close();
        slack.close();
    }

    private int hook(String path, byte[] body, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port() + path))
                .header(header, value).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static byte[] fixture(String name, long n) {
        return new String(PagerHooksTest.fixture(name), StandardCharsets.UTF_8).replace("incident-bot-1", "incident-bot-" + n)
                .getBytes(StandardCharsets.UTF_8);
    }

    private boolean posted(String channel, String text) {
        return slack.messages(channel).stream().anyMatch(m -> String.valueOf(m.get("text")).contains(text));
    }

    private boolean headerSays(String text) {
        return slack.calls().stream().filter(c -> c.method().equals("chat.update") || c.method().equals("chat.postMessage"))
                .anyMatch(c -> c.arg("blocks") != null && blocks(c.arg("blocks")).contains(text));
    }

    /** @return the blocks as JSON text with Slack's markup unescaped (the SDK's Gson writes {@code <} as {@code \\u003c}) */
    private static String blocks(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPagerDutyAcknowledgementIsALineInTheChannelAndOnTheHeader() throws Exception {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        await().atMost(Duration.ofSeconds(30)).until(() -> pagerDuty.events("trigger").size() == 1
                && headerSays("*Paged* PagerDuty"));

        byte[] ack = fixture("pagerduty-incident.acknowledged.json", inc.number);
        assertThat(hook("/hooks/pagerduty", ack, PagerDutySignature.HEADER, PagerDutySignature.sign(ack, SECRET))).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> posted(inc.id, ":pager: Acknowledged by Tenex Engineer (PagerDuty)"));
        await().atMost(Duration.ofSeconds(30)).until(() -> headerSays("acknowledged by Tenex Engineer <!date^1601664322^"));
        assertThat(slack.calls("users.lookupByEmail")).as("PagerDuty's v3 events carry no email").isEmpty();
    }

    @Test
    void aJsmAcknowledgerWithASlackAccountIsInvitedToTheChannel() throws Exception {
        slack.userEmail("U0ANA0001", "ana.oncall@example.com");
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        await().atMost(Duration.ofSeconds(30)).until(() -> jsm.alert("incident-bot-" + inc.number) != null);

        byte[] ack = fixture("jsm-ops-acknowledge.json", inc.number);
        assertThat(hook("/hooks/jsm-ops", ack, "Authorization", "Bearer " + TOKEN)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> "U0ANA0001".equals(c.arg("users"))));
        assertThat(slack.calls("users.lookupByEmail")).extracting(c -> c.arg("email")).containsExactly("ana.oncall@example.com");
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(inc.id, "Acknowledged by ana.oncall@example.com (JSM Ops)"));
    }

    /** Issue 21: "A page that fails for good (401/400 from the pager) is shown in the channel ... and offered again." */
    @Test
    void aPageRefusedForGoodIsShownInTheChannelAndPageRetrySendsItAgain() {
        pagerDuty.failNext(401, null, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid routing key\"]}");
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(inc.id, ":x: Page to PagerDuty failed: PagerDuty answered 401"));
        assertThat(slack.messages(inc.id).stream().map(m -> String.valueOf(m.get("text"))).filter(t -> t.startsWith(":x:")).toList())
                .singleElement().asString().contains("Invalid routing key").contains("/incident page retry");
        await().atMost(Duration.ofSeconds(30)).until(() -> headerSays("*Page to PagerDuty failed*"));
        assertThat(pagerDuty.events("trigger")).isEmpty();

        assertThat(bot.client.say("page retry", "U0BOB0001", inc.id)).contains("Paging again: PagerDuty");
        await().atMost(Duration.ofSeconds(30)).until(() -> pagerDuty.events("trigger").size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> posted(inc.id, ":pager: Paged PagerDuty again by <@U0BOB0001>"));
        await().atMost(Duration.ofSeconds(30)).until(() -> bot.bot.storage().read(r -> r.pages().find(inc.number,
                PagerKind.PAGERDUTY)).orElseThrow().error() == null);
        assertThat(bot.client.say("page retry", "U0BOB0001", inc.id)).contains("nothing to send again");
    }

    /** Issue 21: "a <b>Page on-call</b> header button (with a message field in a modal)", here choosing among two pagers. */
    @Test
    void thePageOncallButtonOpensAModalWhoseSubmissionPagesTheTickedPagerWithTheMessage() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev4 Typo on the status page", "U0ALICE01");
        await().atMost(Duration.ofSeconds(30)).until(() -> headerSays("\"action_id\":\"" + Header.PAGE + "\"")
                && headerSays("\"Page on-call\""));
        String n = String.valueOf(inc.number);
        bot.client.interactivity(InteractionPayloads.buttonClick("U0BOB0001", inc.id, inc.incident().headerTs(), Header.PAGE,
                n, slack.url("/response/page")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls("views.open").isEmpty());
        String view = blocks(slack.calls("views.open").get(0).arg("view"));
        assertThat(view).contains("\"callback_id\":\"" + PageModal.CALLBACK_ID + "\"", "\"private_metadata\":\"" + n + "\"",
                "\"PagerDuty\"", "\"JSM Ops\"", PageModal.MESSAGE);

        var none = bot.client.interactivity(InteractionPayloads.submission("U0BOB0001", PageModal.CALLBACK_ID, n,
                values(InteractionPayloads.text(PageModal.MESSAGE, "please look"), ticked())));
        assertThat(none.body()).contains("\"response_action\":\"errors\"", PageModal.PAGERS, "Tick at least one pager");

        var paged = bot.client.interactivity(InteractionPayloads.submission("U0BOB0001", PageModal.CALLBACK_ID, n,
                values(InteractionPayloads.text(PageModal.MESSAGE, "please look at the banner"), ticked("jsm-ops"))));
        assertThat(paged.statusCode()).isEqualTo(200);
        assertThat(paged.body()).doesNotContain("errors");
        await().atMost(Duration.ofSeconds(30)).until(() -> "open".equals(jsm.alert("incident-bot-" + n)));
        assertThat(jsm.received()).singleElement().satisfies(r -> assertThat(r.json().path("description").asText())
                .contains("Message: please look at the banner", "Paged by: "));
        assertThat(inc.entries(io.incidentbot.timeline.EntryKind.PAGE)).extracting(io.incidentbot.timeline.TimelineEntry::text)
                .containsExactly("Paged JSM Ops by @{U0BOB0001}: please look at the banner");
        await().atMost(Duration.ofSeconds(30)).until(() -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
        assertThat(pagerDuty.received()).as("PagerDuty was not ticked").isEmpty();
    }

    @SafeVarargs
    private static Map<String, Object> values(Map<String, Object>... entries) {
        Map<String, Object> all = new java.util.HashMap<>();
        for (Map<String, Object> e : entries) {
            all.putAll(e);
        }
        return all;
    }

    /** @return {@code view.state.values} of the pager checkboxes with {@code ids} ticked (Slack's shape) */
    private static Map<String, Object> ticked(String... ids) {
        List<Map<String, Object>> options = java.util.Arrays.stream(ids).map(id -> Map.<String, Object>of("text",
                Map.of("type", "plain_text", "text", id, "emoji", true), "value", id)).toList();
        return Map.of(PageModal.PAGERS, Map.of(PageModal.PAGERS, Map.of("type", "checkboxes", "selected_options", options)));
    }
}
