package io.incidentbot.slack.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.store.AlertRepository.StoredAlert;
import io.incidentbot.store.AlertRepository.StoredTransition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert group message and digests stay within Slack's Block Kit limits however large the group. */
class AlertPostsTest {
    private static final Instant T = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void aGroupOfAThousandAlertsFitsSlacksLimits() throws Exception {
        List<StoredAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            alerts.add(new StoredAlert("k" + i, "HighLatency-" + "x".repeat(200) + i, i % 3 == 0 ? AlertStatus.RESOLVED
                    : AlertStatus.FIRING, T, i % 3 == 0 ? T.plusSeconds(60) : null, "https://grafana.example.com/d/" + i));
        }
        String title = "<!channel> & " + "t".repeat(5000);
        JsonNode blocks = new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(AlertPosts.groupBlocks(42, title, alerts)));
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(blocks.get(0).get("text").get("text").asText()).hasSizeLessThanOrEqualTo(3000)
                .startsWith(":rotating_light: *Firing* (666 of 1000) — *&lt;!channel&gt; &amp; ttt")
                .containsPattern("\\n…and 99\\d more$");
        JsonNode button = blocks.get(1).get("elements").get(0);
        assertThat(button.get("action_id").asText()).isEqualTo("declare_from_alert");
        assertThat(button.get("value").asText()).isEqualTo("42");
        assertThat(button.get("text").get("text").asText()).hasSizeLessThanOrEqualTo(75);
        assertThat(AlertPosts.groupText("Disk full", alerts)).isEqualTo("Firing (666 of 1000): Disk full");
    }

    @Test
    void aDigestNamesTenAlertsAndCountsTheRest() {
        List<StoredTransition> fresh = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            fresh.add(new StoredTransition(i, "k" + i, "Alert" + i, AlertStatus.FIRING, T, null));
        }
        fresh.add(new StoredTransition(13, "k0", "Alert0", AlertStatus.RESOLVED, T, "https://x.example/0"));
        String digest = AlertPosts.digest(fresh, 13, true);
        assertThat(digest.lines()).hasSize(2);
        assertThat(digest).startsWith(":rotating_light: 12 more alerts firing: Alert1 <!date^")
                .contains(" and 2 more\n:large_green_circle: 1 alert resolved: <https://x.example/0|Alert0> <!date^");
    }

    @Test
    void aWindowIsSaidAsPeopleSayIt() {
        assertThat(AlertPosts.window(Duration.ofHours(24))).isEqualTo("24 h");
        assertThat(AlertPosts.window(Duration.ofDays(7))).isEqualTo("7 d");
        assertThat(AlertPosts.window(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    }
}
