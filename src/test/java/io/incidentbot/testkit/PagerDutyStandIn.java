package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for PagerDuty's Events API v2 ({@code POST /v2/enqueue}), checking each event against "Send an Alert
 * Event" (PagerDuty/developer-docs {@code docs/events-API-v2/02-Trigger-Events.md}): {@code routing_key} must be
 * {@link #ROUTING_KEY}; {@code event_action} one of trigger/acknowledge/resolve; {@code dedup_key} at most 255
 * characters; a trigger needs {@code payload.summary} (at most 1,024), {@code payload.source},
 * {@code payload.severity} (critical/error/warning/info), an ISO 8601 {@code payload.timestamp} when present, an
 * object {@code custom_details}, and {@code links} with an {@code href} each. Answers as {@code 01-Overview.md}
 * documents: 202 {@code {"status":"success","message":"Event processed","dedup_key":".."}}, or 400
 * {@code {"status":"invalid event","message":"Event object is invalid","errors":[..]}}. Keeps each alert's state
 * by dedup key.
 */
public final class PagerDutyStandIn extends PagerStandIn {
    /** The integration key tests configure (32 characters, like a real one). */
    public static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private final Map<String, String> alerts = new ConcurrentHashMap<>();

    /** @return {@code PAGERDUTY_EVENTS_URL} pointing here */
    public HttpUrl eventsUrl() {
        return baseUrl().resolve("/v2/enqueue");
    }

    /** @return the alert's state by dedup key: {@code triggered}, {@code acknowledged} or {@code resolved}; null if none */
    public String alert(String dedupKey) {
        return alerts.get(dedupKey);
    }

    /** @return the accepted events whose {@code event_action} is {@code action} */
    public List<JsonNode> events(String action) {
        return accepted().stream().map(Received::json).filter(j -> action.equals(j.path("event_action").asText())).toList();
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        if (!"/v2/enqueue".equals(request.getRequestUrl().encodedPath()) || !"POST".equals(request.getMethod())) {
            return json(404, "{\"status\":\"not found\"}");
        }
        JsonNode event;
        try {
            event = JSON.readTree(request.getBody().clone().readUtf8());
        } catch (java.io.IOException e) {
            return invalid(List.of("Event object is not valid JSON"));
        }
        List<String> problems = problems(event);
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        String key = event.path("dedup_key").asText();
        String action = event.path("event_action").asText();
        alerts.put(key, switch (action) {
            case "trigger" -> "resolved".equals(alerts.get(key)) || !alerts.containsKey(key) ? "triggered" : alerts.get(key);
            case "acknowledge" -> "acknowledged";
            default -> "resolved";
        });
        return json(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":" + quote(key) + "}");
    }

    private static List<String> problems(JsonNode event) {
        List<String> p = new ArrayList<>();
        if (event == null || !event.isObject()) {
            return List.of("Event object is invalid");
        }
        if (!ROUTING_KEY.equals(event.path("routing_key").asText(null))) {
            p.add("Invalid routing key");
        }
        String action = event.path("event_action").asText("");
        if (!ACTIONS.contains(action)) {
            p.add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
        }
        String key = event.path("dedup_key").asText("");
        if (key.isEmpty() && !action.equals("trigger")) {
            p.add("'dedup_key' is missing or blank");
        }
        if (key.length() > 255) {
            p.add("Length of 'dedup_key' is too long (maximum is 255 characters)");
        }
        if (action.equals("trigger")) {
            JsonNode payload = event.path("payload");
            String summary = payload.path("summary").asText("");
            if (summary.isBlank()) {
                p.add("'payload.summary' is missing or blank");
            } else if (summary.length() > 1024) {
                p.add("Length of 'payload.summary' is too long (maximum is 1024 characters)");
            }
            if (payload.path("source").asText("").isBlank()) {
                p.add("'payload.source' is missing or blank");
            }
            if (!SEVERITIES.contains(payload.path("severity").asText(""))) {
                p.add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
            }
            if (payload.has("timestamp")) {
                try {
                    OffsetDateTime.parse(payload.path("timestamp").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (DateTimeParseException e) {
                    p.add("'payload.timestamp' is invalid");
                }
            }
            if (payload.has("custom_details") && !payload.path("custom_details").isObject()) {
                p.add("'payload.custom_details' must be an object");
            }
            for (JsonNode link : event.path("links")) {
                if (link.path("href").asText("").isBlank()) {
                    p.add("'links[].href' is missing or blank");
                }
            }
        }
        return p;
    }

    private static MockResponse invalid(List<String> problems) {
        return json(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":" + array(problems) + "}");
    }
}
