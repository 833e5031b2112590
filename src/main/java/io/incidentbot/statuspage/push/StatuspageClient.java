package io.incidentbot.statuspage.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentbot.statuspage.StatusPageSettings;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Clock;
import java.util.Map;

/**
 * Atlassian Statuspage's REST API (v1, https://developer.statuspage.io): {@code POST /pages/{page_id}/incidents} when
 * an incident is published and {@code PATCH /pages/{page_id}/incidents/{incident_id}} for each public update and the
 * resolution, with {@code Authorization: OAuth <key>}. Body: {@code {"incident": {"name", "status", "body",
 * "components": {"<component id>": "<state>"}, "component_ids": [...], "deliver_notifications": true}}}. Only
 * components mapped in {@code STATUSPAGE_COMPONENTS} are sent. Statuspage allows 1 request per second per key: callers
 * pace with {@link RateGate}.
 */
public final class StatuspageClient implements HostedPage {
    private final StatusPageSettings.Statuspage settings;
    private final HttpPush http;

    /**
     * @param settings key, page, component mapping and API URL
     * @param http     the HTTP client (the SDK's OkHttp)
     * @param clock    for {@code Retry-After} dates
     */
    public StatuspageClient(StatusPageSettings.Statuspage settings, OkHttpClient http, Clock clock) {
        this.settings = settings;
        this.http = new HttpPush(http, clock);
    }

    /** @return the key requests are paced by ({@link RateGate}): one per API key, not printed */
    @Override
    public String rateKey() {
        return "statuspage:" + Integer.toHexString(settings.apiKey().hashCode());
    }

    @Override
    public String provider() {
        return "statuspage";
    }

    /** Creates the incident on Statuspage. @return done with Statuspage's incident ID, retry or fail */
    @Override
    public PushResult create(PushState s) {
        Request r = new Request.Builder().url(settings.apiUrl() + "/pages/" + settings.pageId() + "/incidents")
                .header("Authorization", "OAuth " + settings.apiKey())
                .post(http.body(body(s, true))).build();
        return http.call(r, j -> j.path("id").asText(null));
    }

    /** Updates the incident Statuspage knows as {@code incidentId}. @return done with the same ID, retry or fail */
    @Override
    public PushResult update(String incidentId, PushState s) {
        Request r = new Request.Builder().url(settings.apiUrl() + "/pages/" + settings.pageId() + "/incidents/" + incidentId)
                .header("Authorization", "OAuth " + settings.apiKey())
                .patch(http.body(body(s, false))).build();
        return http.call(r, j -> j.path("id").asText(incidentId));
    }

    private ObjectNode body(PushState s, boolean create) {
        ObjectNode root = http.json().createObjectNode();
        ObjectNode i = root.putObject("incident");
        if (create) {
            i.put("name", s.title());
        }
        i.put("status", s.status().word());
        i.put("body", s.body());
        ObjectNode components = i.putObject("components");
        var ids = i.putArray("component_ids");
        for (Map.Entry<String, io.incidentbot.statuspage.ComponentState> e : s.components().entrySet()) {
            String id = settings.components().get(e.getKey());
            if (id != null) {
                components.put(id, e.getValue().word());
                ids.add(id);
            }
        }
        i.put("deliver_notifications", true);
        return root;
    }
}
