package io.incidentbot.alerts;

/** Which webhook an {@link AlertNotification} came in on. */
public enum AlertSource {
    /** Prometheus Alertmanager's {@code webhook_config}, payload version {@code 4}. */
    ALERTMANAGER,
    /** Grafana unified alerting's webhook contact point (payload version {@code 1}). */
    GRAFANA,
    /** incident-bot's own small JSON for any other monitoring system ({@code POST /hooks/alerts}). */
    GENERIC
}
