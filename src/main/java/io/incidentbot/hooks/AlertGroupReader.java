package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the part Alertmanager's and Grafana's webhooks share: Alertmanager's {@code template.Data}
 * (prometheus/alertmanager {@code template/template.go}) plus {@code groupKey} and
 * {@code truncatedAlerts} ({@code notify/webhook/webhook.go}).
 */
final class AlertGroupReader {
    private AlertGroupReader() {
    }

    static AlertNotification read(JsonNode root, AlertSource source) {
        String groupKey = HookJson.requiredText(root, "groupKey", "");
        AlertStatus status = status(root, "");
        Map<String, String> commonLabels = HookJson.stringMap(root, "commonLabels", "");
        Map<String, String> commonAnnotations = HookJson.stringMap(root, "commonAnnotations", "");
        HookJson.stringMap(root, "groupLabels", "");
        HookJson.optionalText(root, "receiver", "");
        String externalUrl = HookJson.optionalText(root, "externalURL", "");
        long truncated = HookJson.optionalCount(root, "truncatedAlerts", "", 0);
        JsonNode alerts = HookJson.requiredArray(root, "alerts", "");
        List<Alert> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alert(alerts.get(i), "alerts[" + i + "]", source == AlertSource.GRAFANA));
        }
        return new AlertNotification(source, groupKey, status, commonLabels, commonAnnotations, externalUrl, truncated, out);
    }

    static AlertStatus status(JsonNode obj, String path) {
        String text = HookJson.requiredText(obj, "status", path);
        return AlertStatus.parse(text).orElseThrow(() -> new MalformedPayloadException(
                HookJson.path(path, "status") + ": expected \"firing\" or \"resolved\", got " + HookJson.quote(text)));
    }

    private static Alert alert(JsonNode a, String path, boolean grafana) {
        if (!a.isObject()) {
            throw new MalformedPayloadException(path + ": expected an object, got " + HookJson.kind(a));
        }
        AlertStatus status = status(a, path);
        Map<String, String> labels = HookJson.stringMap(a, "labels", path);
        Map<String, String> annotations = HookJson.stringMap(a, "annotations", path);
        Instant startsAt = HookJson.requiredTime(a, "startsAt", path);
        Instant endsAt = HookJson.optionalTime(a, "endsAt", path);
        if (status == AlertStatus.FIRING) {
            endsAt = null; // Alertmanager sends the planned expiry (startsAt + resolve_timeout) for firing alerts
        }
        String fingerprint = HookJson.optionalText(a, "fingerprint", path);
        String key = fingerprint != null ? fingerprint : Alert.derivedKey(labels);
        String name = labels.getOrDefault("alertname", "");
        if (name.isBlank()) {
            name = annotations.getOrDefault("summary", key);
        }
        String generator = HookJson.optionalText(a, "generatorURL", path);
        String dashboard = grafana ? HookJson.optionalText(a, "dashboardURL", path) : null;
        String panel = grafana ? HookJson.optionalText(a, "panelURL", path) : null;
        String silence = grafana ? HookJson.optionalText(a, "silenceURL", path) : null;
        return new Alert(key, name, status, labels, annotations, startsAt, endsAt, generator, dashboard, panel, silence);
    }
}
