package io.incidentbot.trackers;

import io.incidentbot.incident.Severity;
import io.incidentbot.trackers.seen.PastIncident;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpFiguresTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static FollowUpRecord f(long incident, Instant created, String due, FollowUpState state, Instant closed) {
        return new FollowUpRecord(1, incident, "x", "U1", "U2", created, due == null ? null : LocalDate.parse(due), null, state,
                closed, closed == null ? null : "U1", "slack", null);
    }

    private static PastIncident incident(long n, String declared, Set<String> groups, Set<String> services) {
        return new PastIncident(n, "t", null, Severity.SEV2, Instant.parse(declared), null, false, Set.of(), groups, Set.of(),
                services, null, List.of());
    }

    @Test
    void countsDoneOnTimeMedianBySeverityOldOpenOnesAndRepeatIncidents() {
        Instant d1 = Instant.parse("2026-11-01T10:00:00Z");
        List<FollowUpRecord> followUps = List.of(
                f(1, d1, "2026-11-10", FollowUpState.DONE, Instant.parse("2026-11-10T22:00:00Z")),   // on time, 9.5 days
                f(1, d1, "2026-11-05", FollowUpState.DONE, Instant.parse("2026-11-06T10:00:00Z")),   // late, 5 days
                f(2, d1, null, FollowUpState.DONE, Instant.parse("2026-11-02T10:00:00Z")),           // no due: on time, 1 day
                f(2, d1, null, FollowUpState.WONT_DO, Instant.parse("2026-11-03T10:00:00Z")),
                f(2, d1, null, FollowUpState.OPEN, null),                                            // older than 30 days
                f(2, Instant.parse("2026-11-20T10:00:00Z"), null, FollowUpState.OPEN, null));
        List<PastIncident> incidents = List.of(
                incident(1, "2026-01-01T00:00:00Z", Set.of("g1"), Set.of()),
                incident(2, "2026-03-01T00:00:00Z", Set.of("g1"), Set.of()),        // 59 days after 1: repeat
                incident(3, "2026-08-01T00:00:00Z", Set.of("g1"), Set.of("api")),   // 153 days after 2: not
                incident(4, "2026-08-20T00:00:00Z", Set.of(), Set.of("api")));      // same service 19 days later: repeat

        FollowUpFigures figures = FollowUpFigures.of(followUps, Map.of(1L, Severity.SEV1, 2L, Severity.SEV3), incidents, NOW,
                ZoneOffset.UTC);
        assertThat(figures.recorded()).isEqualTo(6);
        assertThat(figures.done()).isEqualTo(3);
        assertThat(figures.wontDo()).isEqualTo(1);
        assertThat(figures.doneOnTime()).isEqualTo(2);
        // SEV1: the median of 9 days 12 hours and 5 days
        assertThat(figures.medianToDone()).containsEntry(Severity.SEV1, Duration.ofDays(7).plusHours(6))
                .containsEntry(Severity.SEV3, Duration.ofDays(1));
        assertThat(figures.openOlderThan30d()).isEqualTo(1);
        assertThat(figures.repeats()).isEqualTo(2);
    }

    private static PastIncident alerted(long n, String declared, String alert) {
        return new PastIncident(n, "t", null, Severity.SEV2, Instant.parse(declared), null, false, Set.of(), Set.of(),
                Set.of(alert), Set.of(), null, List.of());
    }

    @Test
    void aRepeatOfAnIncidentFromBeforeThePeriodCountsAndTheAlertsServiceLabelIsAService() {
        List<PastIncident> period = List.of(
                incident(5, "2026-11-20T00:00:00Z", Set.of("g1"), Set.of()),          // g1 was 50 days before: repeat
                alerted(6, "2026-11-25T00:00:00Z", "HighLatency|payments"),          // payments' alert fired before
                alerted(7, "2026-11-26T00:00:00Z", "HighLatency|"));                  // no service label: nothing
        List<PastIncident> before = List.of(
                incident(1, "2026-10-01T00:00:00Z", Set.of("g1"), Set.of()),
                incident(2, "2026-10-02T00:00:00Z", Set.of(), Set.of("payments")),   // a change to payments
                alerted(3, "2026-10-03T00:00:00Z", "HighLatency|"),
                incident(4, "2026-10-04T00:00:00Z", Set.of("g1"), Set.of()));         // repeats 1, but before the period

        assertThat(FollowUpFigures.of(List.of(), Map.of(), period, before, NOW, ZoneOffset.UTC).repeats()).isEqualTo(2);
        assertThat(FollowUpFigures.of(List.of(), Map.of(), period, NOW, ZoneOffset.UTC).repeats())
                .as("without the earlier incidents only the period is compared").isEqualTo(0);
    }
}
