package io.incidentbot.alerts;

import io.incidentbot.incident.Severity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery of an alert webhook: a group of alerts and what they have in common. The shape is
 * Alertmanager's webhook message (prometheus/alertmanager {@code notify/webhook/webhook.go},
 * {@code Message}, version {@code 4}); Grafana's and the generic hook are read into the same shape.
 *
 * @param source            which webhook it came from
 * @param groupKey          the group's identity within its source (Alertmanager's and Grafana's
 *                          {@code groupKey}, the generic {@code dedup_key}); a group is
 *                          ({@code source}, {@code groupKey})
 * @param status            {@code firing} when at least one alert fires, else {@code resolved}
 * @param commonLabels      labels every alert has, name to value
 * @param commonAnnotations annotations every alert has, name to value
 * @param externalUrl       back link to the sender (Alertmanager or Grafana), may be null
 * @param truncatedAlerts   how many alerts the sender left out ({@code max_alerts}), 0 if none
 * @param alerts            the alerts, in the sender's order
 */
public record AlertNotification(
        AlertSource source,
        String groupKey,
        AlertStatus status,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalUrl,
        long truncatedAlerts,
        List<Alert> alerts) {

    /** The label whose value ({@code sev1}..{@code sev4}) sets a declared incident's severity. */
    public static final String SEVERITY_LABEL = "incident_severity";

    /** Severity of an incident declared from alerts that carry no {@value #SEVERITY_LABEL} label. */
    public static final Severity DEFAULT_SEVERITY = Severity.SEV2;

    public AlertNotification {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(groupKey, "groupKey");
        Objects.requireNonNull(status, "status");
        commonLabels = Map.copyOf(commonLabels == null ? Map.of() : commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations == null ? Map.of() : commonAnnotations);
        alerts = List.copyOf(alerts == null ? List.of() : alerts);
    }

    /** @return the alerts whose status is firing, in order */
    public List<Alert> firing() {
        return alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).toList();
    }

    /**
     * Title for an incident declared from this group: {@code commonAnnotations.summary}, else the
     * common {@code alertname}, else the name of the first firing alert (the first alert when none
     * fires), else the group key.
     *
     * @return a non-blank title
     */
    public String title() {
        String summary = commonAnnotations.get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        String alertname = commonLabels.get("alertname");
        if (alertname != null && !alertname.isBlank()) {
            return alertname.strip();
        }
        List<Alert> candidates = firing().isEmpty() ? alerts : firing();
        return candidates.stream().map(Alert::name).filter(n -> !n.isBlank()).findFirst().orElse(groupKey);
    }

    /**
     * Severity for an incident declared from this group: the {@value #SEVERITY_LABEL} label of the
     * common labels, else of the first firing alert that has one, read as {@code sev1}..{@code sev4};
     * {@link #DEFAULT_SEVERITY} when absent or not one of those.
     *
     * @return the severity
     */
    public Severity severity() {
        Optional<Severity> common = Severity.parse(commonLabels.get(SEVERITY_LABEL));
        if (common.isPresent()) {
            return common.get();
        }
        return firing().stream()
                .map(a -> Severity.parse(a.labels().get(SEVERITY_LABEL)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(DEFAULT_SEVERITY);
    }
}
