package io.incidentbot.hooks;

import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertmanagerPayloadTest {

    @Test
    void readsAFiringCriticalGroupFromARealDelivery() {
        AlertNotification n = AlertmanagerPayload.parse(HookFixtures.bytes("alertmanager/firing-critical.json"));

        assertThat(n.source()).isEqualTo(AlertSource.ALERTMANAGER);
        assertThat(n.groupKey()).isEqualTo("{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}");
        assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(n.commonLabels()).containsEntry("severity", "critical").containsEntry("alertname", "ProbeFailure");
        assertThat(n.commonAnnotations()).containsEntry("summary", "BlackBox Probe Failure: https://server.example.org");
        assertThat(n.externalUrl()).isEqualTo("http://prometheus.example.org:9093");
        assertThat(n.truncatedAlerts()).isZero();
        assertThat(n.alerts()).hasSize(1);
        Alert a = n.alerts().get(0);
        assertThat(a.key()).isEqualTo("1a30ba71cca2921f");
        assertThat(a.name()).isEqualTo("ProbeFailure");
        assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
        assertThat(a.endsAt()).as("Go's zero time means not ended").isNull();
        assertThat(a.generatorUrl()).isEqualTo("http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1");
    }

    @Test
    void aResolvedAlertEndsAtItsEndsAt() {
        AlertNotification n = AlertmanagerPayload.parse(HookFixtures.bytes("alertmanager/resolved-critical.json"));

        assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
        Alert a = n.alerts().get(0);
        assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.endsAt()).isEqualTo(Instant.parse("2023-02-06T13:31:45.828Z"));
        assertThat(a.statusSince()).isEqualTo(a.endsAt());
    }

    @Test
    void anAlertWithoutFingerprintGetsAStableKeyFromItsLabels() {
        AlertNotification first = AlertmanagerPayload.parse(HookFixtures.bytes("alertmanager/firing-no-fingerprint.json"));
        AlertNotification again = AlertmanagerPayload.parse(HookFixtures.bytes("alertmanager/firing-no-fingerprint.json"));

        Alert a = first.alerts().get(0);
        assertThat(a.key()).matches("[0-9a-f]{16}").isEqualTo(again.alerts().get(0).key());
        assertThat(a.startsAt()).as("nanoseconds and offset kept").isEqualTo(Instant.parse("2018-08-03T07:52:26.739266876Z"));
        assertThat(first.truncatedAlerts()).isZero();
    }

    @Test
    void anotherPayloadVersionIsRefusedNamingTheVersion() {
        String body = new String(HookFixtures.bytes("alertmanager/firing-critical.json"), StandardCharsets.UTF_8)
                .replace("\"version\": \"4\"", "\"version\": \"3\"");

        assertThatThrownBy(() -> AlertmanagerPayload.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("version: expected \"4\" (Alertmanager webhook payload version 4), got \"3\"");
    }

    @Test
    void aBadAlertTimeNamesTheAlertAndTheField() {
        String body = new String(HookFixtures.bytes("alertmanager/firing-critical.json"), StandardCharsets.UTF_8)
                .replace("2023-02-06T13:08:45.828Z", "yesterday");

        assertThatThrownBy(() -> AlertmanagerPayload.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("alerts[0].startsAt: expected an RFC 3339 time like 2026-11-27T14:02:00Z, got \"yesterday\"");
    }

    @Test
    void missingGroupKeyAndAlertsAreNamed() {
        assertThatThrownBy(() -> AlertmanagerPayload.parse("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("groupKey: expected a non-empty string, but it is missing");
        assertThatThrownBy(() -> AlertmanagerPayload.parse("{\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":{}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("alerts: expected an array, got an object");
        assertThatThrownBy(() -> AlertmanagerPayload.parse("{\"groupKey\":\"g\",\"status\":\"burning\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("status: expected \"firing\" or \"resolved\", got \"burning\"");
        assertThatThrownBy(() -> AlertmanagerPayload.parse(
                "{\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":1},\"startsAt\":\"2026-01-01T00:00:00Z\"}]}"
                        .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("alerts[0].labels.a: expected a string, got the number 1");
    }
}
