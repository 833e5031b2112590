package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "alert posts say too little to act on": a real Alertmanager group of three alerts that differ
 * by {@code instance} (fixture {@code hooks/alertmanager/firing-warning-three-instances.json}, source in its
 * README) posted to the running bot; the alerts channel's message tells the three apart and says what to
 * do, and label values from traffic stay inert.
 */
class RicherAlertPostsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final HookBotExtension kit = new HookBotExtension();
    SlackStandIn slack;
    HookBot hooks;

    @BeforeEach
    void start() throws Exception {
        slack = kit.slack();
        hooks = kit.start(Map.of("INCIDENT_ALERTS_CHANNEL", HookBot.ALERTS_CHANNEL));
    }

    private String postedSection() throws Exception {
        SlackStandIn.await("the alert group message", 20, () -> !slack.calls("chat.postMessage").isEmpty());
        List<SlackStandIn.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(1);
        JsonNode blocks = JSON.readTree(String.valueOf(posts.get(0).arg("blocks")));
        return blocks.get(0).get("text").get("text").asText();
    }

    @Test
    void threeAlertsOfOneGroupAreToldApartAndSayWhatToDo() throws Exception {
        assertThat(hooks.postUntilStored("/hooks/alertmanager",
                HookFixtures.bytes("alertmanager/firing-warning-three-instances.json")).body())
                .contains("\"route\":\"alerts_channel\"").contains("\"stored\":3");
        String text = postedSection();
        List<String> alertLines = text.lines().filter(l -> l.startsWith("• ")).toList();
        assertThat(alertLines).hasSize(3);
        assertThat(alertLines.get(0)).contains("instance=https://server.example.org");
        assertThat(alertLines.get(1)).contains("instance=https://server2.example.org");
        assertThat(alertLines.get(2)).contains("instance=https://server3.example.org");
        assertThat(alertLines).allSatisfy(l -> assertThat(l)
                .as("only the labels that differ are on each line").doesNotContain("job=").doesNotContain("monitor=")
                .contains("<http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1|ProbeFailure>"));
        assertThat(text).as("each alert's own description, first line")
                .contains("Instance https://server2.example.org has been down for over 5m. Job: http_checks");
        assertThat(text).as("the runbook every alert shares, once").containsOnlyOnce("|Runbook>")
                .contains("<https://runbooks.example.org/ProbeFailure|Runbook>");
        // Alertmanager's UI form, pre-filled with the labels the three share (Parsing.elm encodeMatchers).
        assertThat(text).contains("<http://prometheus.example.org:9093/#/silences/new?filter="
                + "%7Balertname%3D%22ProbeFailure%22%2C%20job%3D%22http_checks%22%2C%20monitor%3D%22master%22%2C%20"
                + "severity%3D%22warning%22%7D|Silence>");
        assertThat(text.length()).isLessThanOrEqualTo(3000);
    }

    @Test
    void labelValuesAndAnnotationsFromTrafficNeverMentionNorMaskALink() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(HookFixtures.bytes("alertmanager/firing-warning-three-instances.json"));
        ObjectNode first = (ObjectNode) body.get("alerts").get(0);
        ((ObjectNode) first.get("labels")).put("instance", "<!channel> <https://evil.example/login|Open runbook>");
        ((ObjectNode) first.get("annotations")).put("description", "<!subteam^S0ONCALL|@oncall> look\nsecond line");
        ((ObjectNode) first.get("annotations")).put("runbook_url", "javascript:alert(1)");
        hooks.postUntilStored("/hooks/alertmanager", JSON.writeValueAsBytes(body));
        String text = postedSection();
        assertThat(text).doesNotContain("<!channel>").doesNotContain("<!subteam").doesNotContain("<https://evil")
                .contains("instance=&lt;!channel&gt; &lt;https://evil.example/login|Open runbook&gt;")
                .contains("&lt;!subteam^S0ONCALL|@oncall&gt; look").doesNotContain("second line")
                .doesNotContain("javascript:");
    }
}
