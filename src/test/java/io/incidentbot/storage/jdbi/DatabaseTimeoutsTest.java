package io.incidentbot.storage.jdbi;

import io.incidentbot.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code INCIDENT_DB_TIMEOUT} and {@code INCIDENT_DB_BACKGROUND_TIMEOUT}: defaults, derived limits, refusals. */
class DatabaseTimeoutsTest {
    @Test
    void defaultsAreTheServingBoundsOfIssue24() {
        DatabaseTimeouts t = DatabaseTimeouts.fromEnv(Map.of());
        assertThat(t.connectionWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.socketSeconds()).isEqualTo(2);
        assertThat(t.statementWait()).isEqualTo(Duration.ofMillis(1_800));
        assertThat(t.lockWait()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(t.background()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void settingsChangeEveryDerivedLimit() {
        DatabaseTimeouts t = DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_TIMEOUT", "5s",
                "INCIDENT_DB_BACKGROUND_TIMEOUT", "1h"));
        assertThat(t.socketSeconds()).isEqualTo(5);
        assertThat(t.statementWait()).isEqualTo(Duration.ofMillis(4_800));
        assertThat(t.lockWait()).isEqualTo(Duration.ofMillis(3_750));
        assertThat(t.background()).isEqualTo(Duration.ofHours(1));
        assertThat(t.forBackground().statementWait()).isEqualTo(Duration.ofHours(1).minusMillis(200));
    }

    @Test
    void aBadValueIsOneLineNamingTheVariable() {
        assertThatThrownBy(() -> DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_TIMEOUT", "1500ms")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_DB_TIMEOUT must be whole seconds");
        assertThatThrownBy(() -> DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_TIMEOUT", "2 minutes")))
                .isInstanceOf(ConfigException.class).hasMessage("INCIDENT_DB_TIMEOUT must be a duration from 1s to 60s "
                        + "(like 2s, 90s, 10m); got '2 minutes'");
        assertThatThrownBy(() -> DatabaseTimeouts.fromEnv(Map.of("INCIDENT_DB_BACKGROUND_TIMEOUT", "5s")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_DB_BACKGROUND_TIMEOUT must be a "
                        + "duration from 10s to 24h");
    }
}
