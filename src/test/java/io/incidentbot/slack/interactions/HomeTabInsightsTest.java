package io.incidentbot.slack.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.Repositories;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The App Home shows the insights of {@code /incident stats} (last 90 days) for a seeded database: an
 * {@code app_home_opened} event (shape of Slack's Events API reference) publishes a view with its figures,
 * and a private incident is counted without its title ever appearing.
 */
class HomeTabInsightsTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();

    /** Stores an incident declared {@code before} the current hour; minutes to each milestone, null: not reached. */
    private static long incident(Repositories r, String title, Severity sev, boolean isPrivate, Duration before,
                                 Integer identified, Integer mitigated, Integer resolved) {
        Instant declared = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(before);
        long n = r.incidents().create(title, sev, isPrivate, null, "UALICE001", declared).number();
        Status status = resolved != null ? Status.RESOLVED : mitigated != null ? Status.MONITORING
                : identified != null ? Status.IDENTIFIED : Status.INVESTIGATING;
        r.incidents().setStatus(n, status, at(declared, identified), at(declared, mitigated), at(declared, resolved));
        return n;
    }

    private static Instant at(Instant declared, Integer minutes) {
        return minutes == null ? null : declared.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theHomeTabShowsTheLast90DaysInsightsAndNeverAPrivateIncidentsTitle() throws IOException {
        RunningBot bot = kit.bot();
        bot.bot.storage().run(r -> {
            long a = incident(r, "Checkout errors", Severity.SEV2, false, Duration.ofDays(10), 10, 20, 30);
            incident(r, "Login loop", Severity.SEV2, false, Duration.ofDays(9), 20, 40, 60);
            incident(r, "Cart empty", Severity.SEV2, false, Duration.ofDays(8), 30, 60, 90);
            incident(r, "Payroll data exposed", Severity.SEV1, true, Duration.ofDays(3), 15, null, null);
            incident(r, "Search slow", Severity.SEV3, false, Duration.ofDays(2), null, null, null);
            incident(r, "Ancient outage", Severity.SEV1, false, Duration.ofDays(200), 5, 10, 20);
            r.followUps().add(a, "Alert on checkout 5xx", "UCAROL001", "UALICE001", Instant.now());
        });

        assertThat(bot.client.event(InteractionPayloads.homeOpened("UOTHER001", "Ev0HOME0INS1"), Map.of()).statusCode())
                .isEqualTo(200);
        SlackStandIn.await("views.publish", 10, () -> !slack.calls("views.publish").isEmpty());

        String view = slack.calls("views.publish").get(0).arg("view");
        String text = texts(new ObjectMapper().readTree(view));
        assertThat(text).contains("*Incident insights* (as of <!date^")
                .contains("Incidents declared in the last 90 days (")
                .contains("): 5, 2 still open, 1 private (counted, not named)")
                .containsPattern("SEV2 +3 +.*1 h / 1 h 30 min \\(3\\)")
                .contains("#5 Search slow (SEV3), open 2 d")
                .contains("a private incident (SEV1), open 3 d")
                .contains("Follow-ups recorded for these incidents: 1 (1 with an owner, 0 without)")
                .contains("Follow-ups by owner: <@UCAROL001> 1");
        assertThat(view).as("the viewer may not see the private incident").doesNotContain("Payroll");
        assertThat(text.substring(text.indexOf("*Incident insights*"))).as("declared 200 days ago: outside the window")
                .doesNotContain("Ancient outage");
        assertThat(new ObjectMapper().readTree(view).path("blocks").size()).isLessThanOrEqualTo(100);
    }

    /** @return every {@code text} string of a Block Kit JSON tree, one per line */
    private static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("text") && e.getValue().isTextual()) {
                    out.append(e.getValue().asText()).append('\n');
                } else {
                    out.append(texts(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> out.append(texts(n)));
        }
        return out.toString();
    }
}
