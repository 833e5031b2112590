package io.incidentbot.postmortem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The milestone impact started and Time to detect in the draft (issue 25). */
class TimeToDetectTest {
    private static final PostmortemInput SAMPLE = SampleIncident.input(ZoneId.of("UTC"));

    private static PostmortemInput withAlerts(Instant corrected, ChartInput.AlertSpan... alerts) {
        return SAMPLE.toBuilder().alerts(List.of(alerts)).impactStarted(corrected).build();
    }

    private static String draft(PostmortemInput in) throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(in, out);
        return out.toString();
    }

    @Test
    void impactStartsWithTheEarliestLinkedAlertAndTimeToDetectRunsToTheDeclaration() throws IOException {
        String draft = draft(withAlerts(null,
                new ChartInput.AlertSpan("OrdersLatency", Instant.parse("2026-03-14T22:53:00Z"), null),
                new ChartInput.AlertSpan("HighErrorRate", Instant.parse("2026-03-14T22:51:00Z"),
                        Instant.parse("2026-03-14T23:40:00Z"))));

        assertThat(draft).contains("| Impact started | 2026-03-14 22:51 (7 min before declared) |\n"
                        + "| Declared | 2026-03-14 22:58 by Alice Chen |")
                .contains("| Time to detect | 7 min (impact started 2026-03-14 22:51) |\n| Time to first response |");
    }

    @Test
    void aCorrectedImpactStartWinsOverTheAlerts() throws IOException {
        String draft = draft(withAlerts(Instant.parse("2026-03-14T22:30:00Z"),
                new ChartInput.AlertSpan("HighErrorRate", Instant.parse("2026-03-14T22:51:00Z"), null)));

        assertThat(draft).contains("| Impact started | 2026-03-14 22:30 (28 min before declared) |")
                .contains("| Time to detect | 28 min (impact started 2026-03-14 22:30) |");
    }

    @Test
    void withoutAlertsOrACorrectionImpactStartedIsUnsetAndTheDraftIsAsBefore() throws IOException {
        String draft = draft(SAMPLE);

        assertThat(draft).doesNotContain("Impact started").doesNotContain("Time to detect");
    }
}
