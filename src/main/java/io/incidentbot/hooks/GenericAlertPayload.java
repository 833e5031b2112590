package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.alerts.Alert;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;
import io.incidentbot.alerts.AlertStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses incident-bot's own alert JSON ({@code POST /hooks/alerts}, issue 12) for monitoring systems
 * that are neither Alertmanager nor Grafana:
 * <pre>
 * {"title": "...", "status": "firing"|"resolved", "dedup_key": "...", "severity": "...",
 *  "source": "...", "url": "...", "labels": {"name": "value"}, "at": RFC 3339}
 * </pre>
 * {@code title} and {@code status} are required. One body is one group with one alert:
 * {@code dedup_key} is the group key and the alert key (default: the title); {@code severity} and
 * {@code source} become the labels {@code severity} and {@code source} unless {@code labels} has them
 * (so the default {@code INCIDENT_ALERT_DECLARE} {@code severity=critical} works); the title is the
 * {@code summary} annotation and the alert name; {@code url} is the alert's link; {@code at} (default:
 * now, by the clock) is {@code startsAt} when firing, {@code endsAt} when resolved.
 */
public final class GenericAlertPayload {
    private GenericAlertPayload() {
    }

    /**
     * @param body  the raw request body
     * @param clock gives "now" when {@code at} is absent
     * @return the notification, source {@link AlertSource#GENERIC}
     * @throws MalformedPayloadException naming the first bad field
     */
    public static AlertNotification parse(byte[] body, Clock clock) {
        JsonNode root = HookJson.readObject(body);
        String title = HookJson.requiredText(root, "title", "").strip();
        AlertStatus status = AlertGroupReader.status(root, "");
        String dedupKey = HookJson.optionalText(root, "dedup_key", "");
        String severity = HookJson.optionalText(root, "severity", "");
        String source = HookJson.optionalText(root, "source", "");
        String url = HookJson.optionalText(root, "url", "");
        Map<String, String> labels = new LinkedHashMap<>(HookJson.stringMap(root, "labels", ""));
        Instant at = HookJson.optionalTime(root, "at", "");
        if (at == null) {
            at = clock.instant();
        }
        if (severity != null) {
            labels.putIfAbsent("severity", severity);
        }
        if (source != null) {
            labels.putIfAbsent("source", source);
        }
        String key = dedupKey == null || dedupKey.isBlank() ? title : dedupKey;
        Map<String, String> annotations = Map.of("summary", title);
        boolean firing = status == AlertStatus.FIRING;
        Alert alert = new Alert(key, title, status, labels, annotations,
                firing ? at : null, firing ? null : at, url, null, null, null);
        return new AlertNotification(AlertSource.GENERIC, key, status, labels, annotations, null, 0, List.of(alert));
    }
}
