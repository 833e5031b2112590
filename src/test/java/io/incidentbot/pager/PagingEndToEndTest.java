package io.incidentbot.pager;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.pager.inbound.PagerDutySignature;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.PagerDutyStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
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
 * The whole bot with PagerDuty set: a SEV1 declared through a signed slash command sends one trigger to the
 * PagerDuty stand-in; PagerDuty's signed acknowledgement becomes a timeline entry; resolving the incident sends the
 * resolve with the same dedup key. A SEV3 pages nobody.
 */
class PagingEndToEndTest {
    private static final String SECRET = "pd-webhook-secret-0123456789abcdef";

    @TempDir
    Path dir;
    SlackStandIn slack;
    PagerDutyStandIn pagerDuty;
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        pagerDuty = new PagerDutyStandIn();
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY);
        env.put("PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString());
        env.put("PAGERDUTY_WEBHOOK_SECRET", SECRET);
        bot = RunningBot.start(slack, env);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        pagerDuty.close();
        slack.close();
    }

    private HttpResponse<String> webhook(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.bot.port()
                        + "/hooks/pagerduty")).header(PagerDutySignature.HEADER, PagerDutySignature.sign(body, SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSev1IsPagedOnceAcknowledgedThroughTheWebhookAndResolvedWithTheIncident() throws Exception {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        await().atMost(Duration.ofSeconds(10)).until(() -> pagerDuty.events("trigger").size() == 1);
        JsonNode trigger = pagerDuty.events("trigger").get(0);
        assertThat(trigger.path("dedup_key").asText()).isEqualTo("incident-bot-" + inc.number);
        assertThat(trigger.at("/payload/summary").asText()).isEqualTo("SEV1 incident " + inc.number + ": Checkout down");
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        // Issue 21: the automatic page is a timeline entry and a line in the channel once PagerDuty accepted it.
        String paged = "Paged PagerDuty: SEV1 incident " + inc.number + ": Checkout down";
        await().atMost(Duration.ofSeconds(10)).until(() -> channelLines(inc).contains(":pager: " + paged));

        byte[] ack = new String(PagerHooksTest.fixture("pagerduty-incident.acknowledged.json"), StandardCharsets.UTF_8)
                .replace("incident-bot-1", "incident-bot-" + inc.number).getBytes(StandardCharsets.UTF_8);
        assertThat(webhook(ack).statusCode()).isEqualTo(200);
        List<TimelineEntry> entries = inc.entries(EntryKind.PAGE);
        // (the acknowledgement's entry is at PagerDuty's time of the fixture, before the page's)
        assertThat(entries).extracting(TimelineEntry::text).containsExactlyInAnyOrder(paged, "Acknowledged by Tenex Engineer (PagerDuty)");

        bot.client.say("resolve Rolled back", "U0ALICE01", inc.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> pagerDuty.events("resolve").size() == 1);
        assertThat(pagerDuty.events("resolve").get(0).path("dedup_key").asText()).isEqualTo("incident-bot-" + inc.number);
        assertThat(pagerDuty.alert("incident-bot-" + inc.number)).isEqualTo("resolved");
        assertThat(pagerDuty.events("trigger")).as("paged once").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> channelLines(inc).contains(":pager: Resolved the page in PagerDuty"));
        assertThat(inc.entries(EntryKind.PAGE)).extracting(TimelineEntry::text)
                .containsExactlyInAnyOrder(paged, "Acknowledged by Tenex Engineer (PagerDuty)", "Resolved the page in PagerDuty");
        assertThat(channelLines(inc)).filteredOn(t -> t.startsWith(":pager:")).as("one line each")
                .containsExactly(":pager: " + paged, ":pager: Acknowledged by Tenex Engineer (PagerDuty)",
                        ":pager: Resolved the page in PagerDuty");
    }

    private List<String> channelLines(IncidentChannel inc) {
        return slack.messages(inc.id).stream().map(m -> String.valueOf(m.get("text"))).toList();
    }

    @Test
    void aSev3PagesNobody() throws Exception {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev3 Slow search", "U0ALICE01");
        bot.client.say("note looked at it", "U0ALICE01", inc.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
        assertThat(pagerDuty.received()).isEmpty();
        List<Page> pages = bot.bot.storage().read(r -> r.pages().forIncident(inc.number));
        assertThat(pages).isEmpty();
    }

    @Test
    void incidentPagePagesAtAnySeverityOncePerUse() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev4 Typo on the status page", "U0ALICE01");
        String reply = bot.client.say("page please look at the banner", "U0BOB0001", inc.id);
        assertThat(reply).contains("Paged PagerDuty");
        await().atMost(Duration.ofSeconds(10)).until(() -> pagerDuty.events("trigger").size() == 1);
        JsonNode trigger = pagerDuty.events("trigger").get(0);
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("info");
        assertThat(trigger.at("/payload/custom_details/message").asText()).isEqualTo("please look at the banner");
        assertThat(inc.entries(EntryKind.PAGE)).extracting(TimelineEntry::text)
                .containsExactly("Paged PagerDuty by @{U0BOB0001}: please look at the banner");

        bot.client.say("page", "U0BOB0001", inc.id);
        await().atMost(Duration.ofSeconds(10)).until(() -> pagerDuty.events("trigger").size() == 2);
    }
}
