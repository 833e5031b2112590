package io.incidentbot.hooks;

import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GrafanaPayloadTest {

    @Test
    void readsTheFiringExampleFromGrafanasDocs() {
        AlertNotification n = GrafanaPayload.parse(HookFixtures.bytes("grafana/firing.json"));

        assertThat(n.source()).isEqualTo(AlertSource.GRAFANA);
        assertThat(n.groupKey()).isEqualTo("{}:{}");
        assertThat(n.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(n.commonLabels()).containsExactlyEntriesOf(java.util.Map.of("team", "blue"));
        assertThat(n.externalUrl()).isEqualTo("https://play.grafana.org/");
        assertThat(n.alerts()).extracting(Alert::name).containsExactly("High memory usage", "High CPU usage");
        Alert memory = n.alerts().get(0);
        assertThat(memory.key()).isEqualTo("c6eadffa33fcdf37");
        assertThat(memory.startsAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
        assertThat(memory.endsAt()).as("0001-01-01T00:00:00Z: still firing").isNull();
        assertThat(memory.generatorUrl()).isEqualTo("https://play.grafana.org/alerting/1afz29v7z/edit");
        assertThat(memory.silenceUrl()).startsWith("https://play.grafana.org/alerting/silence/new?alertmanager=grafana");
        assertThat(memory.dashboardUrl()).as("\"\" reads as no link").isNull();
        assertThat(memory.panelUrl()).isNull();
    }

    @Test
    void aResolvedAlertKeepsItsDashboardAndPanelLinks() {
        AlertNotification n = GrafanaPayload.parse(HookFixtures.bytes("grafana/resolved.json"));

        assertThat(n.status()).isEqualTo(AlertStatus.RESOLVED);
        Alert a = n.alerts().get(0);
        assertThat(a.endsAt()).isEqualTo(Instant.parse("2021-10-12T08:21:03.157076Z"));
        assertThat(a.dashboardUrl()).isEqualTo("https://play.grafana.org/d/abcd?orgId=1");
        assertThat(a.panelUrl()).isEqualTo("https://play.grafana.org/d/abcd?orgId=1&viewPanel=efgh");
    }
}
