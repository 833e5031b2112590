/**
 * Alerts from monitoring systems as the domain sees them (issue 12): {@link io.incidentbot.alerts.AlertNotification}
 * and {@link io.incidentbot.alerts.Alert} records, the {@code INCIDENT_ALERT_DECLARE} matchers and the pure routing
 * decision {@link io.incidentbot.alerts.AlertRouter}. No Slack types and no Slack markup here; the webhook parsers
 * that build these records live in {@code io.incidentbot.hooks}.
 */
package io.incidentbot.alerts;
