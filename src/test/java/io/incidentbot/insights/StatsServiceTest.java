package io.incidentbot.insights;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.insights.IncidentStats.SeverityTimes;
import io.incidentbot.insights.IncidentStats.Spread;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Insights on a seeded database whose times are known: medians and p90s by nearest rank, weeks from
 * Monday, a private incident counted and never named, incidents outside the window left out. Now is
 * Friday 2026-11-27 12:00 UTC (a settable clock).
 */
class StatsServiceTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private StatsService stats;

    /**
     * Stores a resolved incident declared {@code daysAgo} days before now; a null milestone is never
     * reached. Minutes are from the declaration.
     */
    static long incident(Repositories r, Severity sev, boolean isPrivate, double daysAgo, Integer identified,
                         Integer mitigated, Integer resolved) {
        Instant declared = NOW.minus(Duration.ofMinutes(Math.round(daysAgo * 24 * 60)));
        long n = r.incidents().create("Incident " + sev + " " + daysAgo + "d ago", sev, isPrivate, null, "U1", declared)
                .number();
        Status status = resolved != null ? Status.RESOLVED : mitigated != null ? Status.MONITORING
                : identified != null ? Status.IDENTIFIED : Status.INVESTIGATING;
        r.incidents().setStatus(n, status, at(declared, identified), at(declared, mitigated), at(declared, resolved));
        return n;
    }

    private static Instant at(Instant declared, Integer minutes) {
        return minutes == null ? null : declared.plus(Duration.ofMinutes(minutes));
    }

    /** The seed: five SEV2 (resolve 30/60/90/120/600 min), one open private SEV1, an old open SEV3, one too old. */
    static void seed(Repositories r) {
        long old = incident(r, Severity.SEV3, false, 200, 30, null, null);
        incident(r, Severity.SEV2, false, 100, 5, 10, 15);
        long a = incident(r, Severity.SEV2, false, 20, 10, 20, 30);
        incident(r, Severity.SEV2, false, 12, 20, 40, 60);
        incident(r, Severity.SEV2, false, 10, 30, 60, 90);
        incident(r, Severity.SEV2, false, 9, 40, 80, 120);
        long e = incident(r, Severity.SEV2, false, 4, null, 300, 600);
        incident(r, Severity.SEV1, true, 3, 15, null, null);
        r.followUps().add(a, "Alert on disk", "UALICE", "U1", NOW);
        r.followUps().add(a, "Runbook", "UALICE", "U1", NOW);
        r.followUps().add(e, "Load test", null, "U1", NOW);
        r.followUps().add(old, "Old one", "UBOB", "U1", NOW);
        r.userNames().put("UALICE", "Alice Chen", NOW);
    }

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        storage.run(StatsServiceTest::seed);
        stats = new StatsService(storage, new TestClock(NOW));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void mediansAndP90sByNearestRankFromStoredTimes() {
        IncidentStats s = stats.stats(Duration.ofDays(90), UTC);

        assertThat(s.declared()).isEqualTo(6);
        assertThat(s.open()).isEqualTo(1);
        assertThat(s.privateCount()).isEqualTo(1);
        SeverityTimes sev2 = s.times().stream().filter(t -> t.severity() == Severity.SEV2).findFirst().orElseThrow();
        assertThat(sev2.incidents()).isEqualTo(5);
        assertThat(sev2.resolve()).isEqualTo(new Spread(5, Duration.ofMinutes(90), Duration.ofMinutes(600)));
        assertThat(sev2.mitigate()).isEqualTo(new Spread(5, Duration.ofMinutes(60), Duration.ofMinutes(300)));
        assertThat(sev2.identify()).as("the one never identified is left out")
                .isEqualTo(new Spread(4, Duration.ofMinutes(20), Duration.ofMinutes(40)));
        SeverityTimes sev1 = s.times().stream().filter(t -> t.severity() == Severity.SEV1).findFirst().orElseThrow();
        assertThat(sev1.resolve()).isEqualTo(new Spread(0, null, null));
        assertThat(s.times()).extracting(SeverityTimes::severity).containsExactly(Severity.SEV1, Severity.SEV2);
    }

    @Test
    void incidentsAreCountedPerWeekFromMonday() {
        IncidentStats s = stats.stats(Duration.ofDays(30), UTC);

        assertThat(s.weeks().get(0).start()).isEqualTo(LocalDate.parse("2026-10-26"));
        assertThat(s.weeks().get(s.weeks().size() - 1).start()).isEqualTo(LocalDate.parse("2026-11-23"));
        Map<LocalDate, Integer> totals = new java.util.HashMap<>();
        s.weeks().forEach(w -> totals.put(w.start(), w.total()));
        // 20 days ago: Sat 11-07 (week of 11-02); 12, 10, 9: Sun 11-15, Tue 11-17, Wed 11-18; 4, 3: Mon 11-23, Tue 11-24
        assertThat(totals).containsEntry(LocalDate.parse("2026-11-02"), 1)
                .containsEntry(LocalDate.parse("2026-11-09"), 1).containsEntry(LocalDate.parse("2026-11-16"), 2)
                .containsEntry(LocalDate.parse("2026-11-23"), 2).containsEntry(LocalDate.parse("2026-10-26"), 0);
        assertThat(s.weeks().get(s.weeks().size() - 1).counts()).containsEntry(Severity.SEV1, 1).containsEntry(Severity.SEV2, 1);
    }

    @Test
    void theTextNamesNoPrivateIncidentAndListsTheLongestOpenAndFollowUpOwners() {
        IncidentStats s = stats.stats(Duration.ofDays(90), UTC);

        String text = StatsText.render(s, id -> Map.of("UALICE", "Alice Chen").getOrDefault(id, id));

        assertThat(text).startsWith("Incidents declared in the last 90 days (2026-08-29 to 2026-11-27, UTC): 6, 1 still open, "
                + "1 private (counted, not named)\n");
        assertThat(text).contains("  SEV2     5  20 min / 40 min (4)      1 h / 5 h (5)            1 h 30 min / 10 h (5)\n")
                .doesNotContain("Incident SEV1 3.0d ago");
        assertThat(text).contains("Longest open\n  #1 Incident SEV3 200.0d ago (SEV3), open 200 d\n"
                + "  a private incident (SEV1), open 3 d\n");
        assertThat(text).contains("Follow-ups recorded for these incidents: 3 (2 with an owner, 1 without)\n")
                .contains("Follow-ups by owner: Alice Chen 2\n").doesNotContain("UBOB");
    }

    /**
     * Issue 25: stats per type and time to detect. Two incidents get a type from the process file and an impact start
     * (corrected with {@code /incident timestamps}): 12 and 40 minutes before they were declared.
     */
    @Test
    void typedIncidentsAreCountedPerTypeAndTimeToDetectComesFromImpactStarted() {
        storage.run(r -> {
            long sec = incident(r, Severity.SEV2, false, 2, 5, 10, 45);
            long open = incident(r, Severity.SEV2, false, 1, null, null, null);
            long other = incident(r, Severity.SEV3, false, 1, null, null, 20);
            r.process().setType(sec, "security");
            r.process().setType(open, "security");
            r.process().setType(other, "default");
            r.incidents().setImpactStarted(sec, r.incidents().find(sec).orElseThrow().declaredAt().minusSeconds(12 * 60));
            r.incidents().setImpactStarted(open, r.incidents().find(open).orElseThrow().declaredAt().minusSeconds(40 * 60));
        });

        IncidentStats s = stats.stats(Duration.ofDays(90), UTC);

        assertThat(s.types()).extracting(IncidentStats.TypeCount::type, IncidentStats.TypeCount::incidents,
                IncidentStats.TypeCount::open).containsExactly(tuple("security", 2, 1), tuple("default", 1, 0));
        assertThat(s.detect().count()).isEqualTo(2);
        assertThat(s.detect().median()).isEqualTo(Duration.ofMinutes(12));
        assertThat(StatsText.tables(s)).contains(
                "Time to detect (impact started to declared), median / p90: 12 min / 40 min (2)\n",
                "  security                2     1  45 min / 45 min (1)\n",
                "  default                 1     0  20 min / 20 min (1)\n");
        assertThat(StatsText.compact(s)).contains("Time to detect, median / p90: 12 min /", "  security: 2, 1 open, 45 min\n");
        assertThat(StatsText.compact(s).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(StatsText.NARROW));
    }

    @Test
    void withoutTypesOrImpactStartsTheTextHasNeitherSection() {
        String text = StatsText.tables(stats.stats(Duration.ofDays(90), UTC));

        assertThat(text).doesNotContain("Per type").doesNotContain("Time to detect");
    }

    @Test
    void theWeeklyChartIsAPngThatDecodes() throws IOException {
        byte[] png = WeeklyChart.png(stats.stats(Duration.ofDays(365), UTC));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(WeeklyChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(WeeklyChart.HEIGHT);
        long colours = java.util.stream.IntStream.range(0, 300).map(i -> image.getRGB(i * 4, HEIGHT_MIDDLE)).distinct().count();
        assertThat(colours).isGreaterThan(2);
    }

    private static final int HEIGHT_MIDDLE = WeeklyChart.HEIGHT * 3 / 4;

    @Test
    void aWindowIsDaysOrWeeksAndAnythingElseIsRefusedInOneSentence() {
        assertThat(StatsService.window("")).isEqualTo(Duration.ofDays(90));
        assertThat(StatsService.window("365d")).isEqualTo(Duration.ofDays(365));
        assertThat(StatsService.window("12W")).isEqualTo(Duration.ofDays(84));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> StatsService.window("0d")))
                .hasMessage("0d is not a window: use 1d to 3650d");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> StatsService.window("last month")))
                .hasMessage("last month is not a window: use 30d, 90d or 365d");
    }

    @Test
    void aYearIsCountedPerMonthNotPerWeek() {
        IncidentStats s = stats.stats(Duration.ofDays(365), UTC);

        assertThat(s.monthly()).isTrue();
        assertThat(s.weeks()).hasSize(13);
        assertThat(s.weeks().get(0).start()).isEqualTo(LocalDate.parse("2025-11-01"));
        assertThat(s.weeks().get(12).start()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(s.weeks().stream().mapToInt(IncidentStats.Week::total).sum()).isEqualTo(s.declared());
        assertThat(StatsText.tables(s)).contains("Per month ").contains("\n  2026-11   ").doesNotContain("Per week");
        assertThat(stats.stats(Duration.ofDays(120), UTC).monthly()).as("120 days are still weekly").isFalse();
    }

    @Test
    void theCompactTextFitsAPhoneAtFortyCharactersALine() {
        for (int days : new int[] {7, 90, 365}) {
            String text = StatsText.compact(stats.stats(Duration.ofDays(days), UTC));
            assertThat(text.lines()).as("%d days:%n%s", days, text).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        }
        String year = StatsText.compact(stats.stats(Duration.ofDays(365), UTC));
        assertThat(year).contains("2026-11 ").contains("SEV2, 6 incidents\n").contains("  resolved   1 h / 10 h (6)\n")
                .contains("a private incident (SEV1) 3 d\n").doesNotContain("Incident SEV1");
    }
}
