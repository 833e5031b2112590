package io.incidentbot.pager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.incident.Severity;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * PagerDuty Events API v2 ("Send an Alert Event", PagerDuty/developer-docs {@code docs/events-API-v2/02-Trigger-Events.md}):
 * {@code POST} JSON to {@code PAGERDUTY_EVENTS_URL} with {@code routing_key}, {@code event_action} {@code trigger} or
 * {@code resolve}, {@code dedup_key} = the incident's {@link DedupKey}; a trigger carries {@code payload.summary}
 * (at most 1,024 characters), {@code source}, {@code severity} ({@code critical} SEV1, {@code error} SEV2,
 * {@code warning} SEV3, {@code info} SEV4), {@code timestamp} (ISO 8601), {@code class}, {@code custom_details}
 * and {@code links} to the incident channel. Answers ({@code 01-Overview.md}, "Response Codes &amp; Retry Logic"):
 * 202 accepted; 400 invalid event (fail, with its {@code message} and {@code errors}); 429 and 5xx retry.
 */
public final class PagerDutyClient implements Pager {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Our {@code payload.source} and {@code client}. */
    public static final String SOURCE = "incident-bot";

    private final HttpUrl url;
    private final String routingKey;
    private final PagerHttp http;

    /**
     * @param url        {@code PAGERDUTY_EVENTS_URL}
     * @param routingKey {@code PAGERDUTY_ROUTING_KEY}
     * @param http       the client (the bot's shared OkHttp client, with its timeouts)
     * @param clock      "now" for an HTTP-date {@code Retry-After}
     */
    public PagerDutyClient(HttpUrl url, String routingKey, OkHttpClient http, Clock clock) {
        this.url = url;
        this.routingKey = routingKey;
        this.http = new PagerHttp(http, clock);
    }

    @Override
    public PagerKind kind() {
        return PagerKind.PAGERDUTY;
    }

    /** @return the Events API v2 {@code payload.severity} of an incident severity */
    public static String severity(Severity s) {
        return switch (s) {
            case SEV1 -> "critical";
            case SEV2 -> "error";
            case SEV3 -> "warning";
            case SEV4 -> "info";
        };
    }

    @Override
    public Delivery trigger(PageRequest page) {
        ObjectNode event = envelope(page, "trigger");
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", page.summary());
        payload.put("source", SOURCE);
        payload.put("severity", severity(page.severity()));
        payload.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(page.at()));
        payload.put("class", "incident");
        ObjectNode details = payload.putObject("custom_details");
        details.put("severity", page.severity().name());
        details.put("status", page.status());
        if (!page.privateIncident()) {
            if (page.lead() != null) {
                details.put("lead", page.lead());
            }
            details.put("declared by", page.declaredBy());
            if (page.message() != null) {
                details.put("message", page.message());
            }
        }
        if (page.pagedBy() != null) {
            details.put("paged by", page.pagedBy());
        }
        event.put("client", SOURCE);
        if (page.channelUrl() != null) {
            event.put("client_url", page.channelUrl());
            ArrayNode links = event.putArray("links");
            links.addObject().put("href", page.channelUrl()).put("text", "Slack channel of incident " + page.incident());
        }
        return send(event);
    }

    @Override
    public Delivery resolve(PageRequest page) {
        return send(envelope(page, "resolve"));
    }

    private ObjectNode envelope(PageRequest page, String action) {
        ObjectNode event = PagerHttp.JSON.createObjectNode();
        event.put("routing_key", routingKey);
        event.put("event_action", action);
        event.put("dedup_key", page.dedupKey());
        return event;
    }

    private Delivery send(ObjectNode event) {
        Request request = new Request.Builder().url(url).post(RequestBody.create(event.toString(), JSON)).build();
        // The answer's dedup_key is ours; PagerDuty's incident ID arrives with its webhooks instead.
        return http.call("PagerDuty", request, json -> null, PagerDutyClient::error);
    }

    /** {@code {"status":"invalid event","message":"Event object is invalid","errors":["..."]}} */
    private static String error(JsonNode json) {
        String message = PagerHttp.text(json, "message");
        StringBuilder b = new StringBuilder(message == null ? "" : message);
        for (JsonNode e : json.path("errors")) {
            b.append(b.length() == 0 ? "" : "; ").append(e.asText());
        }
        return b.toString();
    }
}
