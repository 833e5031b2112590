package io.incidentbot.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert of a notification, as Alertmanager's {@code template.Alert} (prometheus/alertmanager
 * {@code template/template.go}) and Grafana's extended alert carry it.
 *
 * @param key          identity of the alert within its group: Alertmanager's / Grafana's
 *                     {@code fingerprint}, else {@link #derivedKey(Map)} of the labels
 * @param name         the {@code alertname} label, else a name the source gave (the generic title)
 * @param status       firing or resolved
 * @param labels       the alert's labels, name to value (never null, may be empty)
 * @param annotations  the alert's annotations, name to value (never null, may be empty)
 * @param startsAt     when it started firing; null only for a generic {@code resolved} alert
 * @param endsAt       when it resolved; null while firing (the webhooks send Go's zero time
 *                     {@code 0001-01-01T00:00:00Z} for "not ended")
 * @param generatorUrl link to the rule or graph that produced it, may be null
 * @param dashboardUrl Grafana dashboard link, may be null
 * @param panelUrl     Grafana panel link, may be null
 * @param silenceUrl   Grafana link that silences this alert, may be null
 */
public record Alert(
        String key,
        String name,
        AlertStatus status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl,
        String dashboardUrl,
        String panelUrl,
        String silenceUrl) {

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
    }

    /**
     * A stable key for an alert that has no fingerprint: the first 16 hex digits of the SHA-256 of
     * its labels sorted by name ({@code name=value} lines). Same labels, same key, as with
     * Alertmanager's fingerprint (which is a hash of the label set too).
     *
     * @param labels the alert's labels
     * @return 16 lowercase hex digits
     */
    public static String derivedKey(Map<String, String> labels) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * @return the first non-blank line of {@code annotations.description}, stripped, at most 300 characters;
     *         null when there is none (Prometheus alerting rules' conventional annotation)
     */
    public String description() {
        String d = annotations.get("description");
        if (d == null) {
            return null;
        }
        return d.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.length() > 300 ? l.substring(0, 299) + "…" : l).orElse(null);
    }

    /**
     * @return {@code annotations.runbook_url} (the convention of the Prometheus Operator's and most
     *         published alerting rules), stripped; null when absent or blank
     */
    public String runbookUrl() {
        String u = annotations.get("runbook_url");
        return u == null || u.isBlank() ? null : u.strip();
    }

    /**
     * The time this alert's current status began: {@code startsAt} when firing, {@code endsAt} when
     * resolved. Timeline entries are timed by this, not by arrival.
     *
     * @return the instant, or null when the source did not say
     */
    public Instant statusSince() {
        return status == AlertStatus.FIRING ? startsAt : endsAt;
    }
}
