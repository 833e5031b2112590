package io.incidentbot.hooks;

import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import io.incidentbot.incident.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericPayloadsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFiringGenericAlertIsOneGroupWithOneAlert() {
        AlertNotification n = GenericAlertPayload.parse(HookFixtures.bytes("generic/alert-firing.json"), clock);

        assertThat(n.source()).isEqualTo(AlertSource.GENERIC);
        assertThat(n.groupKey()).isEqualTo("checkout-error-rate");
        assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(n.title()).isEqualTo("Checkout error rate above 5%");
        assertThat(n.severity()).isEqualTo(Severity.SEV1);
        assertThat(n.commonLabels()).containsEntry("severity", "critical").containsEntry("source", "datadog")
                .containsEntry("service", "checkout");
        Alert a = n.alerts().get(0);
        assertThat(a.key()).isEqualTo("checkout-error-rate");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-27T14:02:00Z"));
        assertThat(a.endsAt()).isNull();
        assertThat(a.generatorUrl()).isEqualTo("https://app.datadoghq.com/monitors/123");
    }

    @Test
    void aResolvedGenericAlertWithoutTimeEndsNowByTheClock() {
        AlertNotification n = GenericAlertPayload.parse(HookFixtures.bytes("generic/alert-resolved-no-time.json"), clock);

        Alert a = n.alerts().get(0);
        assertThat(a.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.endsAt()).isEqualTo(NOW);
        assertThat(a.startsAt()).isNull();
        assertThat(n.severity()).isEqualTo(Severity.SEV2);
    }

    @Test
    void theDedupKeyDefaultsToTheTitle() {
        AlertNotification n = GenericAlertPayload.parse(utf8("{\"title\":\"Disk full\",\"status\":\"firing\"}"), clock);

        assertThat(n.groupKey()).isEqualTo("Disk full");
        assertThat(n.alerts().get(0).startsAt()).isEqualTo(NOW);
    }

    @Test
    void genericAlertErrorsNameTheField() {
        assertThatThrownBy(() -> GenericAlertPayload.parse(utf8("{\"status\":\"firing\"}"), clock))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("title: expected a non-empty string, but it is missing");
        assertThatThrownBy(() -> GenericAlertPayload.parse(utf8("{\"title\":\"x\",\"status\":\"ok\"}"), clock))
                .hasMessage("status: expected \"firing\" or \"resolved\", got \"ok\"");
        assertThatThrownBy(() -> GenericAlertPayload.parse(utf8("{\"title\":\"x\",\"status\":\"firing\",\"at\":\"27/11/2026\"}"), clock))
                .hasMessage("at: expected an RFC 3339 time like 2026-11-27T14:02:00Z, got \"27/11/2026\"");
        assertThatThrownBy(() -> GenericAlertPayload.parse(utf8("{\"title\":\"x\",\"status\":\"firing\",\"labels\":[]}"), clock))
                .hasMessage("labels: expected an object of strings, got an array");
    }

    @Test
    void aGenericChangeKeepsItsOwnTime() {
        Change c = GenericChangePayload.parse(HookFixtures.bytes("generic/change-config.json"), clock);

        assertThat(c.source()).isEqualTo("changes");
        assertThat(c.title()).isEqualTo("Raise checkout connection pool to 50");
        assertThat(c.service()).isEqualTo("checkout");
        assertThat(c.environment()).isEqualTo("production");
        assertThat(c.author()).isEqualTo("ana");
        assertThat(c.url()).isEqualTo("https://git.example.com/infra/pull/88");
        assertThat(c.kind()).isEqualTo(ChangeKind.CONFIG);
        assertThat(c.at()).isEqualTo(Instant.parse("2026-11-27T10:48:00Z"));
    }

    @Test
    void aRedeliveredChangeHasTheSameIdAndADifferentOneDoesNot() {
        byte[] body = utf8("{\"title\":\"Flip new-checkout flag\",\"kind\":\"feature_flag\"}");
        Change first = GenericChangePayload.parse(body, clock);
        Change again = GenericChangePayload.parse(body.clone(), Clock.offset(clock, java.time.Duration.ofMinutes(5)));
        Change other = GenericChangePayload.parse(utf8("{\"title\":\"Flip old-checkout flag\",\"kind\":\"feature_flag\"}"), clock);

        assertThat(again.externalId()).isEqualTo(first.externalId());
        assertThat(other.externalId()).isNotEqualTo(first.externalId());
        assertThat(first.kind()).isEqualTo(ChangeKind.FEATURE_FLAG);
        assertThat(first.at()).as("no at: now").isEqualTo(NOW);
    }

    @Test
    void anUnknownChangeKindIsRefusedListingTheKinds() {
        assertThatThrownBy(() -> GenericChangePayload.parse(utf8("{\"title\":\"x\",\"kind\":\"hotfix\"}"), clock))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("kind: expected one of deploy, config, feature_flag, infra, other, got \"hotfix\"");
        assertThat(GenericChangePayload.parse(utf8("{\"title\":\"x\"}"), clock).kind()).isEqualTo(ChangeKind.OTHER);
    }
}
