package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, storm caps: many Alertmanager groups at once (the captured v4 delivery of
 * {@code hooks/alertmanager/}, one group per {@code groupKey}) sent with the webhook token to the running bot
 * on a settable clock. Past {@code INCIDENT_ALERT_DECLARE_MAX} (default 5 per 10 minutes) critical groups
 * join one storm incident; past {@code INCIDENT_ALERT_POST_MAX} warning groups share one digest message.
 */
class AlertStormTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final HookBotExtension kit = new HookBotExtension();
    SlackStandIn slack;
    HookBot hooks;

    @BeforeEach
    void standIn() {
        slack = kit.slack();
    }

    /** @return group {@code i} of a storm: its own groupKey, fingerprint and instance */
    private static byte[] group(int i, String severity) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/firing-critical.json"));
        body.put("groupKey", "{}/{severity=\"" + severity + "\"}:{instance=\"db-" + i + "\"}");
        ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
        alert.put("fingerprint", String.format("%016x", 4096 + i));
        ((ObjectNode) alert.get("labels")).put("instance", "db-" + i).put("severity", severity);
        ((ObjectNode) body.get("commonLabels")).put("instance", "db-" + i).put("severity", severity);
        ((ObjectNode) body.get("commonAnnotations")).put("summary", "Probe failure on db-" + i);
        return JSON.writeValueAsBytes(body);
    }

    private List<SlackStandIn.Call> postsTo(String channel) {
        return kit.postsTo(channel);
    }

    /** @return the storm digest's last posted or updated call (its text and blocks as Slack shows them now) */
    private SlackStandIn.Call storm() {
        return slack.calls().stream().filter(c -> String.valueOf(c.arg("text")).startsWith("Alert storm: "))
                .reduce((a, b) -> b).orElse(null);
    }

    private boolean stormSays(String text) {
        SlackStandIn.Call c = storm();
        return c != null && c.arg("text").equals(text);
    }

    private List<Incident> open() {
        return hooks.bot.storage().read(r -> r.incidents().listOpen());
    }

    @Test
    void pastFiveDeclaresInTenMinutesCriticalGroupsJoinOneStormIncidentAndOneDigest() throws Exception {
        hooks = kit.start(Map.of("INCIDENT_ALERTS_CHANNEL", HookBot.ALERTS_CHANNEL));
        for (int i = 1; i <= 9; i++) {
            HttpResponse<String> r = hooks.postUntilStored("/hooks/alertmanager", group(i, "critical"));
            assertThat(r.statusCode()).isEqualTo(200);
            if (i <= 5) {
                assertThat(r.body()).contains("\"route\":\"declare\"").contains("\"incident\":" + i);
            } else {
                assertThat(r.body()).as("group " + i).contains("\"route\":\"storm\"").contains("\"incident\":5");
            }
            hooks.clock.advance(Duration.ofSeconds(30));
        }
        assertThat(open()).hasSize(5);
        SlackStandIn.await("the storm digest", 30, () -> postsTo(HookBot.ALERTS_CHANNEL).size() == 1);
        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("the digest of the four groups", 30, () -> stormSays("Alert storm: 4 groups"));
        assertThat(postsTo(HookBot.ALERTS_CHANNEL)).as("one message for the four groups").hasSize(1);
        String digestTs = String.valueOf(slack.messages(HookBot.ALERTS_CHANNEL).get(0).get("ts"));
        assertThat(slack.calls("chat.update")).as("updates, if any, are of that message")
                .allSatisfy(c -> assertThat(c.arg("ts")).isEqualTo(digestTs));
        String blocks = String.valueOf(storm().arg("blocks"));
        assertThat(blocks).contains("Probe failure on db-6").contains("Probe failure on db-9").contains("→ incident 5");
        assertThat(slack.calls("conversations.create")).as("one channel per declared incident only").hasSize(5);
        assertThat(hooks.bot.storage().read(r -> r.timeline().list(5)).stream()
                .filter(e -> e.text().contains("instance=db-8")).count()).as("the storm incident holds their alerts").isEqualTo(1);

        // Ten minutes after the first declares, the window has room again.
        hooks.clock.advance(Duration.ofMinutes(10));
        assertThat(hooks.postUntilStored("/hooks/alertmanager", group(10, "critical")).body())
                .contains("\"route\":\"declare\"").contains("\"incident\":6");
    }

    @Test
    void pastThePostCapWarningGroupsShareOneDigestMessageUpdatedInPlace() throws Exception {
        hooks = kit.start(Map.of("INCIDENT_ALERTS_CHANNEL", HookBot.ALERTS_CHANNEL,
                "INCIDENT_ALERT_POST_MAX", "3/10m"));
        for (int i = 1; i <= 12; i++) {
            assertThat(hooks.postUntilStored("/hooks/alertmanager", group(i, "warning")).body())
                    .contains("\"route\":\"alerts_channel\"");
        }
        SlackStandIn.await("three group messages and one digest", 30, () -> postsTo(HookBot.ALERTS_CHANNEL).size() == 4);
        hooks.clock.advance(Duration.ofSeconds(10));
        SlackStandIn.await("the digest of the nine groups past the cap", 30, () -> stormSays("Alert storm: 9 groups"));
        assertThat(slack.calls("chat.update")).extracting(c -> c.arg("ts")).containsOnly(
                slack.messages(HookBot.ALERTS_CHANNEL).stream().filter(m -> String.valueOf(m.get("text"))
                        .startsWith("Alert storm")).findFirst().map(m -> String.valueOf(m.get("ts"))).orElseThrow());
        assertThat(postsTo(HookBot.ALERTS_CHANNEL)).hasSize(4);
        assertThat(postsTo(HookBot.ALERTS_CHANNEL)).filteredOn(c -> String.valueOf(c.arg("text")).startsWith("Firing (1 of 1)"))
                .hasSize(3);
        assertThat(open()).isEmpty();
    }
}
