package io.incidentbot.alerts;

import io.incidentbot.hooks.AlertmanagerPayload;
import io.incidentbot.hooks.GenericAlertPayload;
import io.incidentbot.hooks.GrafanaPayload;
import io.incidentbot.hooks.HookFixtures;
import io.incidentbot.incident.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRouterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AlertRouter router = new AlertRouter(LabelMatchers.defaults(), true, clock);

    private static AlertNotification alertmanager(String file) {
        return AlertmanagerPayload.parse(HookFixtures.bytes("alertmanager/" + file));
    }

    private static GroupState open(long incident, Map<String, AlertStatus> last) {
        return new GroupState(OptionalLong.of(incident), last);
    }

    @Test
    void aCriticalFiringGroupDeclaresWithSummaryAsTitle() {
        Route route = router.route(alertmanager("firing-critical.json"), GroupState.unseen());

        assertThat(route).isInstanceOfSatisfying(Route.Declare.class, d -> {
            assertThat(d.title()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
            assertThat(d.severity()).as("no incident_severity label").isEqualTo(Severity.SEV2);
            assertThat(d.transitions()).singleElement().satisfies(t -> {
                assertThat(t.to()).isEqualTo(AlertStatus.FIRING);
                assertThat(t.at()).as("timed by startsAt, not arrival").isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
                assertThat(t.alert().key()).isEqualTo("1a30ba71cca2921f");
            });
        });
    }

    @Test
    void theSameNotificationAgainChangesNothing() {
        Map<String, AlertStatus> stored = Map.of("1a30ba71cca2921f", AlertStatus.FIRING);

        assertThat(router.route(alertmanager("firing-critical.json"), open(7, stored)))
                .isEqualTo(new Route.Drop(Route.Reason.NO_CHANGE));
        assertThat(router.route(alertmanager("firing-critical.json"), new GroupState(OptionalLong.empty(), stored)))
                .as("already shown in the alerts channel").isEqualTo(new Route.Drop(Route.Reason.NO_CHANGE));
    }

    @Test
    void whileTheIncidentIsOpenAResolveIsATimelineEntryAtEndsAtAndSuggestsMonitoring() {
        Route route = router.route(alertmanager("resolved-critical.json"), open(7, Map.of("1a30ba71cca2921f", AlertStatus.FIRING)));

        assertThat(route).isInstanceOfSatisfying(Route.TimelineEntries.class, e -> {
            assertThat(e.incident()).isEqualTo(7);
            assertThat(e.transitions()).singleElement().satisfies(t -> {
                assertThat(t.to()).isEqualTo(AlertStatus.RESOLVED);
                assertThat(t.at()).isEqualTo(Instant.parse("2023-02-06T13:31:45.828Z"));
            });
            assertThat(e.allResolved()).isTrue();
        });
    }

    @Test
    void aMatchingGroupWithAnOpenIncidentNeverDeclaresAgain() {
        AlertNotification n = GenericAlertPayload.parse(
                "{\"title\":\"DB down\",\"status\":\"firing\",\"dedup_key\":\"db\",\"severity\":\"critical\",\"labels\":{\"replica\":\"2\"}}"
                        .getBytes(StandardCharsets.UTF_8), clock);
        Map<String, AlertStatus> stored = Map.of("other-alert", AlertStatus.FIRING);

        Route route = router.route(n, open(3, stored));

        assertThat(route).isInstanceOfSatisfying(Route.TimelineEntries.class, e -> {
            assertThat(e.transitions()).singleElement().satisfies(t -> assertThat(t.at()).isEqualTo(NOW));
            assertThat(e.allResolved()).isFalse();
        });
    }

    @Test
    void aGroupThatDoesNotMatchGoesToTheAlertsChannelOrNowhere() {
        AlertNotification grafana = GrafanaPayload.parse(HookFixtures.bytes("grafana/firing.json"));

        assertThat(router.route(grafana, GroupState.unseen())).isInstanceOfSatisfying(Route.AlertsChannel.class,
                c -> assertThat(c.transitions()).extracting(t -> t.alert().name()).containsExactly("High memory usage", "High CPU usage"));
        assertThat(new AlertRouter(LabelMatchers.defaults(), false, clock).route(grafana, GroupState.unseen()))
                .isEqualTo(new Route.Drop(Route.Reason.NO_ALERTS_CHANNEL));
    }

    @Test
    void withoutSummaryOrCommonAlertnameTheTitleIsTheFirstFiringAlertsName() {
        AlertRouter teamBlue = new AlertRouter(LabelMatchers.parse("team=blue"), false, clock);

        Route route = teamBlue.route(GrafanaPayload.parse(HookFixtures.bytes("grafana/firing.json")), GroupState.unseen());

        assertThat(route).isInstanceOfSatisfying(Route.Declare.class, d -> {
            assertThat(d.title()).isEqualTo("High memory usage");
            assertThat(d.transitions()).hasSize(2);
        });
    }

    @Test
    void oneMatchingFiringAlertIsEnoughToDeclare() {
        AlertRouter zoneEu = new AlertRouter(LabelMatchers.parse("zone=eu-1"), false, clock);

        assertThat(zoneEu.route(GrafanaPayload.parse(HookFixtures.bytes("grafana/firing.json")), GroupState.unseen()))
                .isInstanceOf(Route.Declare.class);
    }

    @Test
    void aResolvedGroupDoesNotDeclareEvenWhenItMatches() {
        Route route = router.route(alertmanager("resolved-critical.json"), GroupState.unseen());

        assertThat(route).isInstanceOfSatisfying(Route.AlertsChannel.class,
                c -> assertThat(c.transitions()).singleElement().satisfies(t -> assertThat(t.to()).isEqualTo(AlertStatus.RESOLVED)));
    }

    @Test
    void incidentSeverityLabelSetsTheSeverity() {
        AlertNotification sev1 = GenericAlertPayload.parse(HookFixtures.bytes("generic/alert-firing.json"), clock);
        assertThat(router.route(sev1, GroupState.unseen()))
                .isInstanceOfSatisfying(Route.Declare.class, d -> assertThat(d.severity()).isEqualTo(Severity.SEV1));

        AlertNotification odd = GenericAlertPayload.parse(
                "{\"title\":\"x\",\"status\":\"firing\",\"severity\":\"critical\",\"labels\":{\"incident_severity\":\"sev9\"}}"
                        .getBytes(StandardCharsets.UTF_8), clock);
        assertThat(router.route(odd, GroupState.unseen()))
                .isInstanceOfSatisfying(Route.Declare.class, d -> assertThat(d.severity()).isEqualTo(Severity.SEV2));
    }

    @Test
    void aResolvedAlertWithoutEndTimeIsTimedByTheClock() {
        Alert resolved = new Alert("k", "Disk full", AlertStatus.RESOLVED, Map.of(), Map.of(),
                Instant.parse("2026-11-27T14:00:00Z"), null, null, null, null, null);
        AlertNotification n = new AlertNotification(AlertSource.ALERTMANAGER, "g", AlertStatus.RESOLVED,
                Map.of(), Map.of(), null, 0, List.of(resolved));

        Route route = router.route(n, open(1, Map.of("k", AlertStatus.FIRING)));

        assertThat(route.transitions()).singleElement().satisfies(t -> assertThat(t.at()).isEqualTo(NOW));
    }

    @Test
    void allResolvedIsSaidOnlyWhenTheLastFiringAlertResolves() {
        AlertNotification n = GrafanaPayload.parse(HookFixtures.bytes("grafana/resolved.json"));
        Map<String, AlertStatus> twoFiring = Map.of("c6eadffa33fcdf37", AlertStatus.FIRING, "bc97ff14869b13e3", AlertStatus.FIRING);
        Map<String, AlertStatus> oneFiring = Map.of("c6eadffa33fcdf37", AlertStatus.FIRING, "bc97ff14869b13e3", AlertStatus.RESOLVED);

        assertThat(router.route(n, open(5, twoFiring)))
                .isInstanceOfSatisfying(Route.TimelineEntries.class, e -> assertThat(e.allResolved()).isFalse());
        assertThat(router.route(n, open(5, oneFiring)))
                .isInstanceOfSatisfying(Route.TimelineEntries.class, e -> assertThat(e.allResolved()).isTrue());
    }
}
