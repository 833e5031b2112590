package io.incidentbot.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code INCIDENT_WEBHOOK_TOKEN}, {@code INCIDENT_ALERT_DECLARE}, {@code INCIDENT_ALERTS_CHANNEL}, {@code INCIDENT_CHANGE_WINDOW}. */
class HookSettingsTest {

    @Test
    void defaultsTurnTheHooksOffWithSeverityCriticalAndADayOfChanges() {
        HookSettings s = HookSettings.fromEnv(Map.of());
        assertThat(s.webhookToken()).isNull();
        assertThat(s.githubSecret()).isNull();
        assertThat(s.declareWhen().matches(Map.of("severity", "critical"))).isTrue();
        assertThat(s.declareWhen().matches(Map.of("severity", "warning"))).isFalse();
        assertThat(s.alertsChannel()).isNull();
        assertThat(s.changeWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void valuesAreReadAndTheTokenNeverPrinted() {
        HookSettings s = HookSettings.fromEnv(Map.of("INCIDENT_WEBHOOK_TOKEN", "a-long-enough-token-123",
                "INCIDENT_ALERT_DECLARE", "team=payments,severity=~critical|page", "INCIDENT_ALERTS_CHANNEL", "C0ALERTS1",
                "INCIDENT_CHANGE_WINDOW", "7d"));
        assertThat(s.declareWhen().matches(Map.of("team", "payments", "severity", "page"))).isTrue();
        assertThat(s.changeWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(s.toString()).doesNotContain("a-long-enough-token-123");
        assertThat(HookSettings.fromEnv(Map.of("INCIDENT_CHANGE_WINDOW", "90m")).changeWindow()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void badValuesStopTheBotWithOneLineNamingTheVariable() {
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("INCIDENT_CHANGE_WINDOW", "a day")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_CHANGE_WINDOW");
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("INCIDENT_CHANGE_WINDOW", "0h")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_CHANGE_WINDOW");
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("INCIDENT_ALERTS_CHANNEL", "#alerts")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_ALERTS_CHANNEL");
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("INCIDENT_WEBHOOK_TOKEN", "short")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_WEBHOOK_TOKEN");
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("INCIDENT_ALERT_DECLARE", "severity")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_ALERT_DECLARE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
