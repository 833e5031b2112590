package io.incidentbot.statuspage.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.statuspage.ComponentState;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageSettings;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.util.Map;

/**
 * Cachet 3's API (cachethq/core: {@code POST /api/incidents}, {@code POST /api/incidents/{incident}/updates}, a
 * Sanctum token as {@code Authorization: Bearer}). Statuses map to Cachet's integers: investigating 1, identified 2,
 * monitoring 3 (Cachet's "watching"), resolved 4 ("fixed"); component states to {@code ComponentStatusEnum}:
 * operational 1, degraded performance 2 ("performance_issues"), partial outage 3, major outage 4, under maintenance
 * 5 ("unknown": Cachet 3 has no maintenance state). Incidents are created {@code visible}; only components mapped
 * in {@code CACHET_COMPONENTS} are sent. Answers are JSON:API ({@code {"data": {"id": ...}}}).
 */
public final class CachetClient implements HostedPage {
    private final StatusPageSettings.Cachet settings;
    private final HttpPush http;

    /**
     * @param settings URL, token and component mapping
     * @param http     the HTTP client (the SDK's OkHttp)
     * @param clock    for {@code Retry-After} dates
     */
    public CachetClient(StatusPageSettings.Cachet settings, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.http = new HttpPush(http, clock);
    }

    @Override
    public String rateKey() {
        return "cachet:" + Integer.toHexString(settings.token().hashCode());
    }

    /** @return Cachet's incident status for ours */
    public static int status(PublicStatus s) {
        return switch (s) {
            case INVESTIGATING -> 1;
            case IDENTIFIED -> 2;
            case MONITORING -> 3;
            case RESOLVED -> 4;
        };
    }

    /** @return Cachet's component status for ours */
    public static int state(ComponentState s) {
        return switch (s) {
            case OPERATIONAL -> 1;
            case DEGRADED_PERFORMANCE -> 2;
            case PARTIAL_OUTAGE -> 3;
            case MAJOR_OUTAGE -> 4;
            case UNDER_MAINTENANCE -> 5;
        };
    }

    @Override
    public String provider() {
        return "cachet";
    }

    /** Creates a visible incident. @return done with Cachet's incident ID, retry or fail */
    @Override
    public PushResult create(PushState s) {
        ObjectNode body = http.json().createObjectNode();
        body.put("name", s.title());
        body.put("message", s.body());
        body.put("status", status(s.status()));
        body.put("visible", true);
        body.put("notifications", true);
        ArrayNode components = body.putArray("components");
        for (Map.Entry<String, ComponentState> e : s.components().entrySet()) {
            String id = settings.components().get(e.getKey());
            if (id != null) {
                ObjectNode c = components.addObject();
                c.put("component_id", Long.parseLong(id));
                c.put("component_status", state(e.getValue()));
            }
        }
        return http.call(post("/api/incidents", body), CachetClient::id);
    }

    /** Adds an update to Cachet's incident {@code incidentId}. @return done with the same ID, retry or fail */
    @Override
    public PushResult update(String incidentId, PushState s) {
        ObjectNode body = http.json().createObjectNode();
        body.put("status", status(s.status()));
        body.put("message", s.body());
        return http.call(post("/api/incidents/" + incidentId + "/updates", body), j -> incidentId);
    }

    private Request post(String path, ObjectNode body) {
        return new Request.Builder().url(settings.url() + path).header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json").post(http.body(body)).build();
    }

    private static String id(JsonNode answer) {
        JsonNode id = answer.path("data").path("id");
        return id.isMissingNode() || id.isNull() ? null : id.asText();
    }
}
