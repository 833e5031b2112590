package io.incidentbot.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A template's placeholder in a token or secret stops the bot at start with one line naming the variable. */
class PlaceholdersTest {
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc");
        env.put("SLACK_SIGNING_SECRET", "8f14e45fceea167a5a36dedd4bea2543");
        return env;
    }

    @Test
    void theSecretTemplatesValuesAndChangemeAreRefusedNamingTheVariableNotTheValue() {
        for (var bad : Map.of("SLACK_SIGNING_SECRET", "REPLACE_WITH_SIGNING_SECRET", "SLACK_BOT_TOKEN", "xoxb-REPLACE_WITH_TOKEN",
                "INCIDENT_DB_PASSWORD", "changeme", "INCIDENT_WEBHOOK_TOKEN", "ChangeMe", "GITHUB_WEBHOOK_SECRET",
                "REPLACE_WITH_GITHUB_WEBHOOK_SECRET", "SLACK_APP_TOKEN", "xapp-REPLACE_WITH_APP_TOKEN").entrySet()) {
            Map<String, String> env = env();
            env.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> Config.fromEnv(env)).as(bad.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessage(bad.getKey() + " is still a placeholder (REPLACE_WITH_... or changeme): set the real value");
        }
    }

    @Test
    void realLookingValuesPass() {
        Map<String, String> env = env();
        env.put("INCIDENT_DB_PASSWORD", "correct-horse-battery-staple");
        env.put("INCIDENT_WEBHOOK_TOKEN", "3f786850e387550fdab836ed7e6dc881de23001b");
        assertThat(Config.fromEnv(env).botToken()).isEqualTo("xoxb-1-2-abc");
    }
}
