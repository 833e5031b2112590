package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.IncidentTimes;
import io.incidentbot.insights.StatsCalculator;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: resolving an incident whose status never reached {@code monitoring} stores the resolve time as
 * its mitigated time too, and the draft then said "Mitigated 11:40 (40 min after declared)" and stats
 * counted 40 min to mitigate. Not mitigated separately: the draft shows "—" and stats leave it out.
 */
class MitigatedSeparatelyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T11:00:00Z");

    @TempDir
    Path dir;

    /** @return the draft of an incident resolved 40 minutes after it was declared, mitigated at {@code mitigated} */
    private String draft(Instant mitigated) throws Exception {
        try (JdbiStorage storage = Database.open(dir.resolve(mitigated.getEpochSecond() + ".db").toString())) {
            Instant resolved = T0.plus(Duration.ofMinutes(40));
            storage.run(r -> {
                long n = r.incidents().create("Checkout errors", Severity.SEV2, false, null, "U1", T0).number();
                r.incidents().setStatus(n, Status.RESOLVED, T0.plusSeconds(600), mitigated, resolved);
            });
            StringWriter out = new StringWriter();
            new PostmortemService(storage, UserDirectory.NONE, Clock.fixed(T0, ZoneOffset.UTC), ZoneId.of("UTC"))
                    .render(1, out);
            return out.toString();
        }
    }

    @Test
    void aDraftOfAnIncidentResolvedWithoutMonitoringShowsNoMitigatedTime() throws Exception {
        String draft = draft(T0.plus(Duration.ofMinutes(40)));

        assertThat(draft).contains("| Mitigated | — |", "| Time to mitigated | — (not mitigated separately) |")
                .doesNotContain("mitigated after");
    }

    @Test
    void aDraftOfAnIncidentMitigatedBeforeItWasResolvedShowsTheMitigatedTime() throws Exception {
        String draft = draft(T0.plus(Duration.ofMinutes(25)));

        assertThat(draft).contains("| Mitigated | 2026-03-01 11:25 (25 min after declared) |",
                "| Time to mitigated | 25 min |", "mitigated after 25 min");
    }

    @Test
    void statsCountOnlySeparateMitigations() {
        Instant resolved = T0.plus(Duration.ofMinutes(40));
        List<IncidentTimes> incidents = List.of(
                new IncidentTimes(1, "skipped monitoring", Severity.SEV2, false, T0, null, resolved, resolved),
                new IncidentTimes(2, "monitored", Severity.SEV2, false, T0, null, T0.plus(Duration.ofMinutes(10)),
                        resolved));

        IncidentStats stats = StatsCalculator.compute(incidents, List.of(), Map.of(), T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)), ZoneId.of("UTC"));

        IncidentStats.SeverityTimes sev2 = stats.times().get(0);
        assertThat(sev2.resolve().count()).isEqualTo(2);
        assertThat(sev2.mitigate().count()).isEqualTo(1);
        assertThat(sev2.mitigate().median()).isEqualTo(Duration.ofMinutes(10));
    }
}
