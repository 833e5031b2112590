package io.incidentbot.statuspage;

import io.incidentbot.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusPageSettingsTest {
    @Test
    void offWithNothingSet() {
        StatusPageSettings s = StatusPageSettings.fromEnv(Map.of());
        assertThat(s.enabled()).isFalse();
        assertThat(s.title()).isEqualTo("Status");
        assertThat(s.statuspage()).isNull();
        assertThat(s.cachet()).isNull();
    }

    @Test
    void readsEverySetting() {
        StatusPageSettings s = StatusPageSettings.fromEnv(Map.of("INCIDENT_STATUS_PAGE", "on", "INCIDENT_STATUS_PAGE_TITLE", "Acme",
                "INCIDENT_STATUS_COMPONENTS", "API, Web/Dashboard,,Web/Login", "INCIDENT_STATUS_PAGE_PORT", "8081",
                "STATUSPAGE_API_KEY", "k-secret", "STATUSPAGE_PAGE_ID", "kctbh9vrtdwd", "STATUSPAGE_COMPONENTS", "API=8kbf7d35c070,Web/Login=abc",
                "CACHET_URL", "https://status.example.com/", "CACHET_TOKEN", "t-secret", "CACHET_COMPONENTS", "API=1"));
        assertThat(s.enabled()).isTrue();
        assertThat(s.components()).containsExactly(new ComponentSpec(null, "API"), new ComponentSpec("Web", "Dashboard"),
                new ComponentSpec("Web", "Login"));
        assertThat(s.port()).isEqualTo(8081);
        assertThat(s.statuspage().apiUrl()).isEqualTo("https://api.statuspage.io/v1");
        assertThat(s.statuspage().components()).containsExactly(Map.entry("API", "8kbf7d35c070"), Map.entry("Login", "abc"));
        assertThat(s.cachet().url()).isEqualTo("https://status.example.com");
        assertThat(s.toString()).doesNotContain("k-secret").doesNotContain("t-secret");
    }

    @Test
    void eachMalformedVariableIsNamedInOneLineWithoutItsSecret() {
        for (var bad : List.of(
                Map.of("INCIDENT_STATUS_PAGE", "maybe"),
                Map.of("INCIDENT_STATUS_COMPONENTS", "A/B/C"),
                Map.of("INCIDENT_STATUS_PAGE_PORT", "70000"),
                Map.of("STATUSPAGE_API_KEY", "k-secret"),
                Map.of("STATUSPAGE_API_KEY", "k-secret", "STATUSPAGE_PAGE_ID", "p1", "STATUSPAGE_COMPONENTS", "API"),
                Map.of("STATUSPAGE_API_KEY", "k-secret", "STATUSPAGE_PAGE_ID", "p1", "STATUSPAGE_API_URL", "ftp://x"),
                Map.of("CACHET_URL", "https://x"))) {
            String name = bad.keySet().stream().filter(k -> !k.equals("STATUSPAGE_API_KEY") || bad.size() == 1).findFirst().orElseThrow();
            assertThatThrownBy(() -> StatusPageSettings.fromEnv(bad)).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k-secret").doesNotContain("\n"))
                    .hasMessageContaining(bad.size() == 1 && !name.equals("STATUSPAGE_API_KEY") ? name
                            : bad.containsKey("STATUSPAGE_COMPONENTS") ? "STATUSPAGE_COMPONENTS"
                            : bad.containsKey("STATUSPAGE_API_URL") ? "STATUSPAGE_API_URL" : "STATUSPAGE_PAGE_ID");
        }
        assertThatThrownBy(() -> StatusPageSettings.fromEnv(Map.of("CACHET_URL", "https://x"))).hasMessageContaining("CACHET_TOKEN");
    }
}
