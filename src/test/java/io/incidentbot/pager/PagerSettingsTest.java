package io.incidentbot.pager;

import io.incidentbot.config.Config;
import io.incidentbot.config.ConfigException;
import io.incidentbot.incident.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paging settings: defaults, one line per malformed variable, and no key, secret or token ever shown. */
class PagerSettingsTest {
    private static final String KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    private static final String GOALERT = "https://goalert.example.com/api/v2/generic/incoming?token=s3cr3t-t0ken-value";

    @TempDir
    Path dir;

    @Test
    void withNothingSetNoPagerIsConfiguredAndSev2AndAbovePage() {
        PagerSettings s = PagerSettings.fromEnv(Map.of());
        assertThat(s.pagers()).isEmpty();
        assertThat(s.pagingEnabled()).isFalse();
        assertThat(s.pageSeverity()).isEqualTo(Severity.SEV2);
        assertThat(s.pagerDutyEventsUrl()).hasToString(PagerSettings.DEFAULT_PAGERDUTY_EVENTS_URL);
        assertThat(s.jsmOpsApiUrl()).hasToString(PagerSettings.DEFAULT_JSM_OPS_API_URL);
        assertThat(s.pageRepeat()).isEqualTo(2);
    }

    @Test
    void everyPagerSetIsUsedInAFixedOrderAndOffNeverPages() {
        PagerSettings s = PagerSettings.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", KEY, "GOALERT_URL", GOALERT,
                "JSM_OPS_API_KEY", "eb243592-faa2-4ba2-a551-1afdf565c889", "INCIDENT_PAGE_SEVERITY", "off",
                "PAGERDUTY_EVENTS_URL", "https://events.eu.pagerduty.com/v2/enqueue"));
        assertThat(s.pagers()).containsExactly(PagerKind.PAGERDUTY, PagerKind.JSM_OPS, PagerKind.GOALERT);
        assertThat(s.pageSeverity()).isNull();
        assertThat(s.pagerDutyEventsUrl().host()).isEqualTo("events.eu.pagerduty.com");
    }

    @Test
    void malformedValuesAreOneLineNamingTheVariableWithoutShowingTheSecret() {
        assertRefused(Map.of("PAGERDUTY_ROUTING_KEY", "short-key-123"), "PAGERDUTY_ROUTING_KEY", "short-key-123");
        assertRefused(Map.of("GOALERT_URL", "ftp:/nowhere?token=abcdef"), "GOALERT_URL", "abcdef");
        assertRefused(Map.of("GOALERT_URL", "https://goalert.example.com/api/v2/generic/incoming"), "GOALERT_URL", "goalert.example");
        assertRefused(Map.of("JSM_OPS_API_KEY", "has spaces in it!!"), "JSM_OPS_API_KEY", "spaces");
        assertRefused(Map.of("JSM_OPS_API_URL", "not a url"), "JSM_OPS_API_URL", "not a url");
        assertRefused(Map.of("PAGERDUTY_WEBHOOK_SECRET", "tiny"), "PAGERDUTY_WEBHOOK_SECRET", "tiny");
        assertRefused(Map.of("INCIDENT_PAGE_SEVERITY", "sev9"), "INCIDENT_PAGE_SEVERITY", null);
        assertRefused(Map.of("INCIDENT_PAGE_SLACK", "maybe"), "INCIDENT_PAGE_SLACK", null);
        assertRefused(Map.of("INCIDENT_PAGE_REPEAT", "11"), "INCIDENT_PAGE_REPEAT", null);
        assertRefused(Map.of("INCIDENT_ALERT_INVITE", "U0123ABCD,#oncall"), "INCIDENT_ALERT_INVITE", null);
        assertRefused(Map.of("INCIDENT_WORKSPACE_PREFIX", "Acme Corp"), "INCIDENT_WORKSPACE_PREFIX", null);
        assertRefused(Map.of("INCIDENT_ONCALL_FILE", dir.resolve("missing.yml").toString()), "INCIDENT_ONCALL_FILE", null);
    }

    @Test
    void aCompatibleReceiverMayUseAnotherKeyShape() {
        PagerSettings s = PagerSettings.fromEnv(Map.of("PAGERDUTY_EVENTS_URL", "https://relay.example.org/v2/enqueue",
                "PAGERDUTY_ROUTING_KEY", "relay-key-1"));
        assertThat(s.pagers()).containsExactly(PagerKind.PAGERDUTY);
    }

    @Test
    void slackEscalationRunsWithAnOncallFileWhenNoPagerIsSetOrWhenTurnedOn() throws Exception {
        Path file = Files.writeString(dir.resolve("oncall.yml"), io.incidentbot.pager.oncall.OncallFileTest.GOOD);
        assertThat(PagerSettings.fromEnv(Map.of("INCIDENT_ONCALL_FILE", file.toString())).slackEscalation()).isTrue();
        assertThat(PagerSettings.fromEnv(Map.of("INCIDENT_ONCALL_FILE", file.toString())).oncall().steps()).hasSize(2);
        Path bad = Files.writeString(dir.resolve("bad.yml"), "rotations: []\nescalation: []\n");
        assertThatThrownBy(() -> PagerSettings.fromEnv(Map.of("INCIDENT_ONCALL_FILE", bad.toString())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_ONCALL_FILE " + bad + " line ");
        assertThat(PagerSettings.fromEnv(Map.of("INCIDENT_ONCALL_FILE", file.toString(), "PAGERDUTY_ROUTING_KEY", KEY))
                .slackEscalation()).isFalse();
        assertThat(PagerSettings.fromEnv(Map.of("INCIDENT_ONCALL_FILE", file.toString(), "PAGERDUTY_ROUTING_KEY", KEY,
                "INCIDENT_PAGE_SLACK", "on")).slackEscalation()).isTrue();
        assertThat(PagerSettings.fromEnv(Map.of("INCIDENT_ALERT_INVITE", "U0123ABCD, S0GROUP01 W0ENT0001")).alertInvite())
                .containsExactly("U0123ABCD", "S0GROUP01", "W0ENT0001");
    }

    @Test
    void theConfigurationCarriesThePagerSettingsAndPrintsNoSecret() {
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "sign",
                "PAGERDUTY_ROUTING_KEY", KEY, "GOALERT_URL", GOALERT, "PAGERDUTY_WEBHOOK_SECRET", "whsec-0123456789abcdef",
                "JSM_OPS_API_KEY", "eb243592-faa2-4ba2-a551-1afdf565c889"));
        Config config = Config.fromEnv(env);
        assertThat(config.pager().pagers()).hasSize(3);
        assertThat(config.toString()).contains("pagerDuty=set, events.pagerduty.com").contains("goAlert=set, goalert.example.com")
                .doesNotContain(KEY).doesNotContain("s3cr3t").doesNotContain("whsec").doesNotContain("eb243592");
        env.put("PAGERDUTY_ROUTING_KEY", "bad");
        assertThatThrownBy(() -> Config.fromEnv(env)).isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGERDUTY_ROUTING_KEY");
    }

    private static void assertRefused(Map<String, String> env, String variable, String secret) {
        assertThatThrownBy(() -> PagerSettings.fromEnv(env)).isInstanceOf(ConfigException.class).satisfies(e -> {
            assertThat(e.getMessage()).startsWith(variable).doesNotContain("\n");
            if (secret != null) {
                assertThat(e.getMessage()).doesNotContain(secret);
            }
        });
    }
}
