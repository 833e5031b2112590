package io.incidentbot.pager.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.hooks.MalformedPayloadException;
import io.incidentbot.pager.PagerKind;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSM Ops / Opsgenie outgoing Webhook integration delivery: {@code action} ({@code Acknowledge},
 * {@code UnAcknowledge}, {@code Close}, {@code AddNote}, {@code Escalate}, {@code AssignOwnership}, ...) and
 * {@code alert} with {@code alertId}, {@code alias}, {@code username} (the person's login, an email),
 * {@code note} for AddNote, and {@code updatedAt} in epoch nanoseconds ({@code createdAt} is milliseconds).
 * The event ID (there is none in the payload) is {@code alertId/action/updatedAt}, so a redelivery of the same
 * change is recognised. Other actions are empty (answered 202, ignored).
 */
public final class JsmOpsWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, PagerSignal.Kind> KINDS = Map.of(
            "Acknowledge", PagerSignal.Kind.ACKNOWLEDGED,
            "UnAcknowledge", PagerSignal.Kind.UNACKNOWLEDGED,
            "Close", PagerSignal.Kind.RESOLVED,
            "AddNote", PagerSignal.Kind.NOTE,
            "Escalate", PagerSignal.Kind.ESCALATED,
            "AssignOwnership", PagerSignal.Kind.REASSIGNED);

    private JsmOpsWebhook() {
    }

    /**
     * @param body     the raw body
     * @param received when it arrived, used when the payload has no {@code updatedAt}
     * @return the signal, or empty for an action this bot does not act on
     * @throws MalformedPayloadException (one line) when the body is not JSON or lacks {@code action} or
     *                                   {@code alert.alertId}
     */
    public static Optional<PagerSignal> parse(byte[] body, Instant received) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("body is not a JSON object");
        }
        String action = text(root, "action");
        JsonNode alert = root.path("alert");
        String alertId = text(alert, "alertId");
        if (action == null || alertId == null) {
            throw new MalformedPayloadException("action and alert.alertId are required: not a JSM Ops / Opsgenie webhook");
        }
        PagerSignal.Kind kind = KINDS.get(action);
        if (kind == null) {
            return Optional.empty();
        }
        JsonNode updated = alert.path("updatedAt");
        Instant at = updated.canConvertToLong()
                ? Instant.ofEpochSecond(0, updated.asLong()) : received;
        String user = text(alert, "username");
        String email = user != null && user.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? user : null;
        String eventId = alertId + "/" + action + "/" + (updated.canConvertToLong() ? updated.asText() : at.toString());
        return Optional.of(new PagerSignal(PagerKind.JSM_OPS, eventId, kind, text(alert, "alias"), alertId, user, email,
                text(alert, "note"), at));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
