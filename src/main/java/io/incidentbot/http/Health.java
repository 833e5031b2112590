package io.incidentbot.http;

/**
 * A health or readiness answer, as the bot's HTTP ports serve it ({@code /healthz}, {@code /readyz}):
 * produced by {@code HealthReport}, served by {@code slack/http/HttpFrontEnd} and {@code ops/OpsEndpoints}.
 *
 * @param healthy true when the bot can serve (answers 200, else 503)
 * @param json    the body: a JSON object with details
 */
public record Health(boolean healthy, String json) {
}
