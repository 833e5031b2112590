package io.incidentbot.config;

import io.incidentbot.reminders.ReminderPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderSettingsTest {
    @Test
    void unsetVariablesTakeTheDefaults() {
        assertThat(ReminderSettings.fromEnv(Map.of())).isEqualTo(ReminderPolicy.DEFAULT)
                .isEqualTo(new ReminderPolicy(Duration.ofMinutes(30), Duration.ofMinutes(10)));
    }

    @Test
    void durationsInSecondsMinutesHoursOrOff() {
        assertThat(ReminderSettings.fromEnv(Map.of("INCIDENT_REMIND_UPDATE", "45s", "INCIDENT_REMIND_LEAD", "OFF")))
                .isEqualTo(new ReminderPolicy(Duration.ofSeconds(45), null));
        assertThat(ReminderSettings.fromEnv(Map.of("INCIDENT_REMIND_UPDATE", "2h", "INCIDENT_REMIND_LEAD", " 5m ")))
                .isEqualTo(new ReminderPolicy(Duration.ofHours(2), Duration.ofMinutes(5)));
    }

    @Test
    void aMalformedOrTooShortValueNamesTheVariable() {
        assertThatThrownBy(() -> ReminderSettings.fromEnv(Map.of("INCIDENT_REMIND_UPDATE", "30 minutes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INCIDENT_REMIND_UPDATE").hasMessageContaining("30m");
        assertThatThrownBy(() -> ReminderSettings.fromEnv(Map.of("INCIDENT_REMIND_LEAD", "5s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INCIDENT_REMIND_LEAD").hasMessageContaining("10s");
    }

    @Test
    void theConfigurationCarriesThem() {
        Config c = Config.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "INCIDENT_REMIND_UPDATE", "off"));
        assertThat(c.reminders().updateInterval()).isEmpty();
        assertThat(c.reminders().leadDelay()).contains(Duration.ofMinutes(10));
    }
}
