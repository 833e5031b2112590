package io.incidentbot.slack.render;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: times the bot shows in Slack use Slack's date formatting, so each reader sees their own time
 * zone, with a UTC fallback (docs: "Formatting text for app surfaces", date formatting).
 */
class SlackDatesTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aTimeIsADateTokenWithAUtcFallback() {
        assertThat(Messages.when(AT)).isEqualTo("<!date^1795773600^{date_short_pretty} {time}|2026-11-27 10:00 UTC>");
    }

    @Test
    void theHeaderShowsWhenItWasDeclaredInTheReadersZone() {
        Incident i = new Incident(1, "Checkout", Severity.SEV2, Status.INVESTIGATING, false, null, "C1", "inc-1", null,
                "UALICE001", AT, null, null, null, null, Map.of());
        assertThat(Messages.headerBlocks(i).toString()).contains("by <@UALICE001> " + Messages.when(AT))
                .doesNotContain("at 2026-11-27 10:00 UTC");
    }
}
