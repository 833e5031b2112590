package io.incidentbot.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertSource;

/**
 * Parses the body Prometheus Alertmanager POSTs to a {@code webhook_config} receiver: payload version
 * {@code "4"}, the {@code Message} of prometheus/alertmanager {@code notify/webhook/webhook.go} (its
 * embedded {@code template.Data} and {@code template.Alert} from {@code template/template.go}):
 * <pre>
 * {"version": "4", "groupKey": "...", "truncatedAlerts": 0, "status": "firing"|"resolved",
 *  "receiver": "...", "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {},
 *  "externalURL": "...",
 *  "alerts": [{"status", "labels": {}, "annotations": {}, "startsAt": RFC 3339,
 *              "endsAt": RFC 3339 (0001-01-01T00:00:00Z = not ended), "generatorURL", "fingerprint"}]}
 * </pre>
 * Required: {@code groupKey}, {@code status}, {@code alerts} and per alert {@code status} and
 * {@code startsAt}; {@code version}, when present, must be {@code "4"}. A missing {@code fingerprint} (older Alertmanager releases) gets
 * {@link io.incidentbot.alerts.Alert#derivedKey}. {@code endsAt} of a firing alert is dropped
 * (Alertmanager fills it with the planned expiry, not an end).
 */
public final class AlertmanagerPayload {
    /** The only payload version this parser reads. */
    public static final String VERSION = "4";

    private AlertmanagerPayload() {
    }

    /**
     * @param body the raw request body
     * @return the notification, source {@link AlertSource#ALERTMANAGER}
     * @throws MalformedPayloadException naming the first bad field
     */
    public static AlertNotification parse(byte[] body) {
        JsonNode root = HookJson.readObject(body);
        String version = HookJson.optionalText(root, "version", "");
        if (version != null && !VERSION.equals(version)) {
            throw new MalformedPayloadException("version: expected \"" + VERSION
                    + "\" (Alertmanager webhook payload version 4), got " + HookJson.quote(version));
        }
        return AlertGroupReader.read(root, AlertSource.ALERTMANAGER);
    }
}
