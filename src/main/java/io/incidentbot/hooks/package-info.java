/**
 * Webhook receivers' pure parts (issue 12): parsers from raw bodies to {@code io.incidentbot.alerts} and
 * {@code io.incidentbot.changes} records, all failing with one-line {@link io.incidentbot.hooks.MalformedPayloadException}s,
 * and the request checks ({@link io.incidentbot.hooks.GitHubSignature}, {@link io.incidentbot.hooks.BearerToken}).
 * Nothing here does I/O; the HTTP endpoints bound the body size and map the exception to a 400.
 */
package io.incidentbot.hooks;
