package io.incidentbot.pager.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.hooks.MalformedPayloadException;
import io.incidentbot.pager.PagerKind;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads a PagerDuty v3 webhook delivery (PagerDuty/developer-docs {@code docs/webhooks/01-Overview.md}, "Webhook
 * Payload"): {@code event.id}, {@code event.event_type}, {@code event.occurred_at}, {@code event.agent} (a user
 * reference whose {@code summary} is the person's name, or null) and, for incident events, {@code event.data} the
 * incident with {@code id} and {@code incident_key} (the dedup key of the Events API alert that opened it).
 * {@code incident.acknowledged}, {@code .unacknowledged}, {@code .escalated}, {@code .reassigned} and
 * {@code .resolved} become {@link PagerSignal}s; any other event type is empty (answered 202, ignored).
 */
public final class PagerDutyWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, PagerSignal.Kind> KINDS = Map.of(
            "incident.acknowledged", PagerSignal.Kind.ACKNOWLEDGED,
            "incident.unacknowledged", PagerSignal.Kind.UNACKNOWLEDGED,
            "incident.escalated", PagerSignal.Kind.ESCALATED,
            "incident.reassigned", PagerSignal.Kind.REASSIGNED,
            "incident.resolved", PagerSignal.Kind.RESOLVED);

    private PagerDutyWebhook() {
    }

    /**
     * @param body the raw body
     * @return the signal, or empty for an event type this bot does not act on
     * @throws MalformedPayloadException (one line) when the body is not JSON or lacks {@code event.id} /
     *                                   {@code event.event_type}, or an incident event lacks {@code data.id}
     */
    public static Optional<PagerSignal> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not JSON");
        }
        JsonNode event = root == null ? null : root.path("event");
        if (event == null || !event.isObject()) {
            throw new MalformedPayloadException("no event object: not a PagerDuty v3 webhook");
        }
        String id = text(event, "id");
        String type = text(event, "event_type");
        if (id == null || type == null) {
            throw new MalformedPayloadException("event.id and event.event_type are required");
        }
        PagerSignal.Kind kind = KINDS.get(type);
        if (kind == null) {
            return Optional.empty();
        }
        JsonNode data = event.path("data");
        String incidentId = text(data, "id");
        if (incidentId == null) {
            throw new MalformedPayloadException(type + " without event.data.id");
        }
        Instant at;
        try {
            at = text(event, "occurred_at") == null ? null : Instant.parse(text(event, "occurred_at"));
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException("event.occurred_at is not an ISO 8601 time");
        }
        JsonNode agent = event.path("agent");
        String name = agent.isObject() ? text(agent, "summary") : null;
        String email = agent.isObject() ? text(agent, "email") : null;
        String assignees = kind == PagerSignal.Kind.ESCALATED || kind == PagerSignal.Kind.REASSIGNED
                ? StreamSupport.stream(data.path("assignees").spliterator(), false).map(a -> a.path("summary").asText(""))
                .filter(s -> !s.isBlank()).collect(Collectors.joining(", "))
                : null;
        return Optional.of(new PagerSignal(PagerKind.PAGERDUTY, id, kind, text(data, "incident_key"), incidentId, name, email,
                assignees == null || assignees.isEmpty() ? null : assignees, at));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
