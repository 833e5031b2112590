package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;

/**
 * Parses the body Grafana unified alerting's webhook contact point POSTs: grafana/alerting
 * {@code receivers/webhook/v1/webhook.go} ({@code webhookMessage}, payload version {@code "1"}), which
 * is Alertmanager's shape (see {@link AlertmanagerPayload}) plus {@code orgId}, {@code title},
 * {@code state} ({@code alerting} or {@code ok}), {@code message}, and per alert
 * {@code dashboardURL}, {@code panelURL}, {@code silenceURL}, {@code values}, {@code imageURL}. A
 * firing alert has {@code endsAt} {@code 0001-01-01T00:00:00Z}.
 * <p>
 * {@code title}, {@code state} and {@code message} are checked to be strings when present but not
 * used: Grafana's docs mark them "will be deprecated soon", and our title rule (summary, else alert
 * name) gives the same for both senders. Empty URLs ({@code ""}) read as absent.
 */
public final class GrafanaPayload {
    private GrafanaPayload() {
    }

    /**
     * @param body the raw request body
     * @return the notification, source {@link AlertSource#GRAFANA}
     * @throws MalformedPayloadException naming the first bad field
     */
    public static AlertNotification parse(byte[] body) {
        JsonNode root = HookJson.readObject(body);
        HookJson.optionalCount(root, "orgId", "", 0);
        HookJson.optionalText(root, "title", "");
        HookJson.optionalText(root, "state", "");
        HookJson.optionalText(root, "message", "");
        return AlertGroupReader.read(root, AlertSource.GRAFANA);
    }
}
