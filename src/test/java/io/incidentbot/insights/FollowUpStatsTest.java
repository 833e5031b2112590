package io.incidentbot.insights;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpFigures;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.testkit.TempDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's follow-up figures in {@code /incident stats} (and the App Home insights, which render the same text): done,
 * done on time, won't do, open over 30 days, median time to done by severity and repeat incidents, on a settable clock.
 */
class FollowUpStatsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String GROUP = "{}:{alertname=\"PaymentsErrorRate\"}";

    @RegisterExtension
    final TempDatabase db = new TempDatabase();
    JdbiStorage storage;
    final TestClock clock = new TestClock(NOW);

    @BeforeEach
    void open() {
        storage = db.storage();
    }

    private static long alerted(Repositories r, Severity severity, Instant at) {
        return TempDatabase.alerted(r, "Payments errors", severity, GROUP, Map.of(), at);
    }

    @Test
    void statsCountFollowUpsDoneOnTimeOldOpenOnesMedianToDoneAndRepeatIncidents() {
        Instant t1 = NOW.minus(Duration.ofDays(60));
        storage.run(r -> {
            long first = alerted(r, Severity.SEV1, t1);
            long onTime = r.followUps().add(first, "add a PSP timeout alert", "U2", "U1", t1).id();
            r.trackers().plan(onTime, LocalDate.parse("2026-10-20"), null);
            r.trackers().changeState(onTime, FollowUpState.DONE, "U2", t1.plus(Duration.ofDays(4)), "slack");
            long late = r.followUps().add(first, "raise the pool size", "U2", "U1", t1).id();
            r.trackers().plan(late, LocalDate.parse("2026-10-09"), null);
            r.trackers().changeState(late, FollowUpState.DONE, "U2", t1.plus(Duration.ofDays(10)), "slack");
            long wont = r.followUps().add(first, "rewrite checkout", null, "U1", t1).id();
            r.trackers().changeState(wont, FollowUpState.WONT_DO, "U1", t1.plusSeconds(60), "slack");
            r.followUps().add(first, "write the runbook", null, "U1", t1);                     // open 60 days
            long again = alerted(r, Severity.SEV2, NOW.minus(Duration.ofDays(5)));               // same group: a repeat
            r.followUps().add(again, "page payments on-call", null, "U1", NOW.minus(Duration.ofDays(5)));
            r.incidents().create("Grafana slow", Severity.SEV3, false, null, "U1", NOW.minus(Duration.ofDays(3)));
        });

        IncidentStats stats = new StatsService(storage, clock).stats(Duration.ofDays(90), ZoneOffset.UTC);
        FollowUpFigures f = stats.followUpFigures();
        assertThat(f.recorded()).isEqualTo(5);
        assertThat(f.done()).isEqualTo(2);
        assertThat(f.doneOnTime()).isEqualTo(1);
        assertThat(f.wontDo()).isEqualTo(1);
        assertThat(f.openOlderThan30d()).isEqualTo(1);
        assertThat(f.medianToDone()).containsExactly(Map.entry(Severity.SEV1, Duration.ofDays(7)));
        assertThat(f.repeats()).isEqualTo(1);
        String line = "Done 2 of 5 (1 on time), won't do 1, open over 30 days 1; median to done: SEV1 7 d; repeat incidents 1";
        assertThat(StatsText.tables(stats)).contains(line);
        assertThat(StatsText.compact(stats).replaceAll("\\s+", " ")).contains(line);

        clock.advance(Duration.ofDays(40));
        assertThat(new StatsService(storage, clock).stats(Duration.ofDays(365), ZoneOffset.UTC).followUpFigures()
                .openOlderThan30d()).as("40 days later the second incident's follow-up is old too").isEqualTo(2);
        assertThat(new StatsService(storage, clock).stats(Duration.ofDays(90), ZoneOffset.UTC).followUpFigures().recorded())
                .as("the first incident has left the 90-day window").isEqualTo(1);
    }

    @Test
    void aRepeatOfAnIncidentBeforeTheWindowCountsAndChangedServicesFollowTheChangeWindow() {
        storage.run(r -> {
            alerted(r, Severity.SEV2, NOW.minus(Duration.ofDays(50)));                         // before a 30-day window
            alerted(r, Severity.SEV2, NOW.minus(Duration.ofDays(5)));                          // same group: a repeat
            for (int days : new int[] {80, 20}) {                                               // two incidents, each 3 days
                Instant declared = NOW.minus(Duration.ofDays(days));                            // after a deploy of checkout
                r.changes().add(new Change("deploys", "d" + days, "Deploy checkout", "checkout", "prod", "dana", null,
                        ChangeKind.DEPLOY, declared.minus(Duration.ofDays(3))), declared);
                r.incidents().create("Checkout slow " + days, Severity.SEV3, false, null, "U1", declared);
            }
        });

        assertThat(new StatsService(storage, clock, Duration.ofDays(7)).stats(Duration.ofDays(30), ZoneOffset.UTC)
                .followUpFigures().repeats()).as("the alert group 45 days before, the deploy 60 days before").isEqualTo(2);
        assertThat(new StatsService(storage, clock, Duration.ofHours(24)).stats(Duration.ofDays(30), ZoneOffset.UTC)
                .followUpFigures().repeats()).as("with a 24 h change window the deploys are not the incidents' services")
                .isEqualTo(1);
    }
}
