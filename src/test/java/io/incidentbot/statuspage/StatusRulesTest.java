package io.incidentbot.statuspage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.incidentbot.statuspage.ComponentState.DEGRADED_PERFORMANCE;
import static io.incidentbot.statuspage.ComponentState.MAJOR_OUTAGE;
import static io.incidentbot.statuspage.ComponentState.OPERATIONAL;
import static io.incidentbot.statuspage.ComponentState.PARTIAL_OUTAGE;
import static io.incidentbot.statuspage.ComponentState.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusRulesTest {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    static Component component(String id, ComponentState state) {
        return new Component(id, null, "Name " + id, 1, state, CREATED, CREATED);
    }

    static PublishedIncident incident(Indicator impact, PublicStatus status) {
        return new PublishedIncident("abcdefghijkl", 7, "Slow logins", status, impact, Map.of(), NOW, NOW, null, null);
    }

    @Test
    void allOperationalWithNoIncidentSaysAllSystemsOperational() {
        assertThat(StatusRules.overall(List.of(OPERATIONAL, OPERATIONAL), List.of()))
                .isEqualTo(new Overall(Indicator.NONE, "All Systems Operational"));
    }

    @Test
    void theWorstComponentStateSetsTheIndicator() {
        assertThat(StatusRules.overall(List.of(OPERATIONAL, DEGRADED_PERFORMANCE), List.of()))
                .isEqualTo(new Overall(Indicator.MINOR, "Partially Degraded Service"));
        assertThat(StatusRules.overall(List.of(DEGRADED_PERFORMANCE, PARTIAL_OUTAGE), List.of()))
                .isEqualTo(new Overall(Indicator.MAJOR, "Partial System Outage"));
        assertThat(StatusRules.overall(List.of(MAJOR_OUTAGE, PARTIAL_OUTAGE, OPERATIONAL), List.of()))
                .isEqualTo(new Overall(Indicator.CRITICAL, "Major Service Outage"));
    }

    @Test
    void anUnresolvedIncidentWithNoComponentMarkedNeverLeavesAllSystemsOperational() {
        Overall o = StatusRules.overall(List.of(OPERATIONAL), List.of(incident(Indicator.MINOR, PublicStatus.INVESTIGATING)));
        assertThat(o).isEqualTo(new Overall(Indicator.MINOR, "Minor Service Outage"));
        assertThat(StatusRules.overall(List.of(OPERATIONAL), List.of(incident(Indicator.CRITICAL, PublicStatus.MONITORING))).indicator())
                .isEqualTo(Indicator.CRITICAL);
    }

    @Test
    void maintenanceAloneIsNotAnOutage() {
        assertThat(StatusRules.overall(List.of(OPERATIONAL, UNDER_MAINTENANCE), List.of()))
                .isEqualTo(new Overall(Indicator.NONE, "Service Under Maintenance"));
    }

    @Test
    void impactIsTheWorstAffectedStateAndAtLeastMinor() {
        assertThat(StatusRules.impact(List.of())).isEqualTo(Indicator.MINOR);
        assertThat(StatusRules.impact(List.of(DEGRADED_PERFORMANCE, MAJOR_OUTAGE))).isEqualTo(Indicator.CRITICAL);
        assertThat(StatusRules.impact(List.of(PARTIAL_OUTAGE))).isEqualTo(Indicator.MAJOR);
    }

    @Test
    void maintenanceWindowsMoveFromUpcomingToInProgressToCompletedByTheClock() {
        Maintenance m = new Maintenance("m00000000001", "DB upgrade", "Writes pause", NOW.plusSeconds(3600),
                NOW.plusSeconds(7200), List.of("a"), NOW, "U1");
        assertThat(m.status(NOW)).isEqualTo(MaintenanceStatus.SCHEDULED);
        assertThat(m.status(NOW.plusSeconds(3600))).isEqualTo(MaintenanceStatus.IN_PROGRESS);
        assertThat(m.status(NOW.plusSeconds(7199))).isEqualTo(MaintenanceStatus.IN_PROGRESS);
        assertThat(m.status(NOW.plusSeconds(7200))).isEqualTo(MaintenanceStatus.COMPLETED);
        assertThatThrownBy(() -> new Maintenance("x", "n", "m", NOW, NOW, List.of(), NOW, "U1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMaintenanceInProgressShowsItsOperationalComponentsUnderMaintenanceButNeverHidesAnOutage() {
        List<Component> components = List.of(component("a", OPERATIONAL), component("b", MAJOR_OUTAGE), component("c", OPERATIONAL));
        Maintenance m = new Maintenance("m00000000001", "DB upgrade", "Writes pause", NOW.minusSeconds(60),
                NOW.plusSeconds(60), List.of("a", "b"), NOW, "U1");
        assertThat(StatusRules.shownStates(components, List.of(m), NOW))
                .containsExactly(Map.entry("a", UNDER_MAINTENANCE), Map.entry("b", MAJOR_OUTAGE), Map.entry("c", OPERATIONAL));
        assertThat(StatusRules.shownStates(components, List.of(m), NOW.plusSeconds(60)))
                .containsEntry("a", OPERATIONAL);
        assertThat(StatusRules.shownStates(components, List.of(m), NOW.minusSeconds(61)))
                .containsEntry("a", OPERATIONAL);
    }

    @Test
    void historyHasNinetyDaysEndingTodayAndEachDayTakesTheWorstStateItSaw() {
        List<StateInterval> intervals = List.of(
                new StateInterval("a", DEGRADED_PERFORMANCE, Instant.parse("2026-03-08T10:00:00Z"), Instant.parse("2026-03-08T10:05:00Z")),
                new StateInterval("a", PARTIAL_OUTAGE, Instant.parse("2026-03-08T10:05:00Z"), Instant.parse("2026-03-08T11:25:00Z")),
                new StateInterval("b", MAJOR_OUTAGE, Instant.parse("2026-03-08T00:00:00Z"), null));
        List<HistoryDay> days = StatusRules.history("a", CREATED, intervals, NOW, ZoneOffset.UTC);
        assertThat(days).hasSize(90);
        assertThat(days.get(89).date()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2025, 12, 11));
        HistoryDay bad = days.get(87);
        assertThat(bad.worst()).isEqualTo(PARTIAL_OUTAGE);
        assertThat(bad.css()).isEqualTo("partial_outage");
        assertThat(bad.text()).isEqualTo("2026-03-08: Partial outage 1 h 20 min, Degraded performance 5 min");
        assertThat(days.get(88).text()).isEqualTo("2026-03-09: No downtime recorded");
        assertThat(days.get(0).text()).isEqualTo("2025-12-11: No data");
        assertThat(days.get(0).css()).isEqualTo("none");
    }

    @Test
    void anOngoingIntervalCountsUntilNowAndSpansMidnight() {
        List<StateInterval> intervals = List.of(
                new StateInterval("b", MAJOR_OUTAGE, Instant.parse("2026-03-09T23:00:00Z"), null));
        List<HistoryDay> days = StatusRules.history("b", CREATED, intervals, NOW, ZoneOffset.UTC);
        assertThat(days.get(88).time()).containsEntry(MAJOR_OUTAGE, Duration.ofHours(1));
        assertThat(days.get(89).time()).containsEntry(MAJOR_OUTAGE, Duration.ofHours(12));
        // observed: 2026-01-01 (created) to 2026-03-09, 68 whole days, and 12 h today; 13 h down
        assertThat(StatusRules.uptime(days)).isCloseTo(100.0 * (68 * 24 + 12 - 13) / (68 * 24 + 12), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void daysFollowThePageTimeZone() {
        List<StateInterval> intervals = List.of(
                new StateInterval("a", MAJOR_OUTAGE, Instant.parse("2026-03-09T23:30:00Z"), Instant.parse("2026-03-09T23:45:00Z")));
        List<HistoryDay> berlin = StatusRules.history("a", CREATED, intervals, NOW, ZoneId.of("Europe/Berlin"));
        assertThat(berlin.get(89).date()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(berlin.get(89).worst()).isEqualTo(MAJOR_OUTAGE);
        assertThat(berlin.get(88).worst()).isEqualTo(OPERATIONAL);
    }

    @Test
    void uptimeIsAHundredWithoutOutagesAndDegradedTimeIsNotDowntime() {
        List<StateInterval> intervals = List.of(
                new StateInterval("a", DEGRADED_PERFORMANCE, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-05T00:00:00Z")));
        assertThat(StatusRules.uptime(StatusRules.history("a", CREATED, intervals, NOW, ZoneOffset.UTC))).isEqualTo(100.0);
    }

    @Test
    void uptimeCountsOnlyTheTimeSinceTheComponentWasAdded() {
        Instant created = Instant.parse("2026-03-10T10:00:00Z");
        List<StateInterval> intervals = List.of(
                new StateInterval("c", PARTIAL_OUTAGE, Instant.parse("2026-03-10T11:00:00Z"), Instant.parse("2026-03-10T11:30:00Z")));
        assertThat(StatusRules.uptime(StatusRules.history("c", created, intervals, NOW, ZoneOffset.UTC))).isEqualTo(75.0);
    }

    @Test
    void publicIdsAreRandomAndNeverTheIncidentNumber() {
        String a = PublicIds.next();
        String b = PublicIds.next();
        assertThat(a).matches("[0-9a-z]{12}").isNotEqualTo(b);
        assertThat(PublicIds.looksLikeOne(a)).isTrue();
        assertThat(PublicIds.looksLikeOne("7")).isFalse();
        assertThat(PublicIds.looksLikeOne("../../etc/pa")).isFalse();
    }

    @Test
    void statesParseStatuspageWords() {
        assertThat(ComponentState.parse("Partial-Outage")).contains(PARTIAL_OUTAGE);
        assertThat(ComponentState.parse("down")).isEmpty();
        assertThat(MAJOR_OUTAGE.word()).isEqualTo("major_outage");
        assertThat(PublicStatus.parse("Monitoring")).contains(PublicStatus.MONITORING);
    }
}
