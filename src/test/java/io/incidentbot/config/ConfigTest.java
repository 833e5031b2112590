package io.incidentbot.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc");
        env.put("SLACK_SIGNING_SECRET", "secret-value-123");
        return env;
    }

    @Test
    void defaultsFollowTheProductTable() {
        Config c = Config.fromEnv(valid());

        assertThat(c.apiUrl()).isEqualTo("https://slack.com/api/");
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.database()).isEqualTo("./incidents.db");
        assertThat(c.announceChannel()).isNull();
        assertThat(c.channelPrefix()).isEqualTo("inc");
        assertThat(c.timezone().getId()).isEqualTo("UTC");
        assertThat(c.keyEventEmoji()).isEqualTo("pushpin");
        assertThat(c.socketMode()).isFalse();
    }

    @Test
    void eachMissingOrMalformedVariableIsNamed() {
        Map<String, String> noToken = valid();
        noToken.remove("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> Config.fromEnv(noToken)).hasMessage("SLACK_BOT_TOKEN is required");

        Map<String, String> noSecret = valid();
        noSecret.remove("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> Config.fromEnv(noSecret)).hasMessage("SLACK_SIGNING_SECRET is required");

        for (var bad : Map.of("PORT", "eighty", "SLACK_API_URL", "slack.com", "INCIDENT_TIMEZONE", "Mars/Olympus",
                "INCIDENT_ANNOUNCE_CHANNEL", "#incidents", "INCIDENT_CHANNEL_PREFIX", "Inc!", "SLACK_BOT_TOKEN", "xoxp-user",
                "SLACK_APP_TOKEN", "not-an-app-token").entrySet()) {
            Map<String, String> env = valid();
            env.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> Config.fromEnv(env)).as(bad.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(bad.getKey());
        }
    }

    @Test
    void socketModeNeedsNoSigningSecretAndSecretsNeverPrint() {
        Map<String, String> env = valid();
        env.remove("SLACK_SIGNING_SECRET");
        env.put("SLACK_APP_TOKEN", "xapp-1-A1-abc");

        Config c = Config.fromEnv(env);

        assertThat(c.socketMode()).isTrue();
        assertThat(c.toString()).doesNotContain("xoxb").doesNotContain("xapp").doesNotContain("secret");
    }

    @Test
    void logAndMetricsVariablesAreCheckedLikeEveryOther() {
        Config c = Config.fromEnv(valid());
        assertThat(c.ops()).isEqualTo(new OpsSettings(9090, "INFO", "text", "127.0.0.1", "0.0.0.0"));

        Map<String, String> env = valid();
        env.put("LOG_LEVEL", "debug");
        env.put("LOG_FORMAT", "json");
        env.put("METRICS_PORT", "9090");
        assertThat(Config.fromEnv(env).ops()).isEqualTo(new OpsSettings(9090, "DEBUG", "json", "127.0.0.1", "0.0.0.0"));

        Map<String, String> loud = valid();
        loud.put("LOG_LEVEL", "LOUD");
        assertThatThrownBy(() -> Config.fromEnv(loud)).isInstanceOf(ConfigException.class)
                .hasMessage("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'LOUD'");
        Map<String, String> xml = valid();
        xml.put("LOG_FORMAT", "xml");
        assertThatThrownBy(() -> Config.fromEnv(xml)).hasMessage("LOG_FORMAT must be text or json, got 'xml'");
        Map<String, String> port = valid();
        port.put("METRICS_PORT", "metrics");
        assertThatThrownBy(() -> Config.fromEnv(port))
                .hasMessage("METRICS_PORT must be a number from 0 to 65535, got 'metrics'");
    }
}
