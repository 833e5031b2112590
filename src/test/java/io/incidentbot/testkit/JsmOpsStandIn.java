package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the JSM Ops / Opsgenie alert API under {@code /v2/alerts}, checking requests against the
 * Opsgenie Alert API's Create Alert and Close Alert: {@code Authorization: GenieKey} with {@link #API_KEY} (else 401
 * {@code {"message":"Could not authenticate"}}); create needs {@code message} (1-130 characters), {@code alias}
 * (at most 512), {@code description} at most 15,000, {@code priority} P1..P5, {@code tags} an array;
 * close is {@code POST /v2/alerts/{alias}/close?identifierType=alias}. Both answer 202
 * {@code {"result":"Request will be processed","took":..,"requestId":".."}}, else 422 with a {@code message}.
 */
public final class JsmOpsStandIn extends PagerStandIn {
    /** The API key tests configure. */
    public static final String API_KEY = "eb243592-faa2-4ba2-a551q-1afdf565c889";
    private static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");

    private final Map<String, String> alerts = new ConcurrentHashMap<>();

    /** @return {@code JSM_OPS_API_URL} pointing here */
    public HttpUrl alertsUrl() {
        return baseUrl().resolve("/v2/alerts");
    }

    /** @return the alert's state by alias: {@code open} or {@code closed}; null when none was created */
    public String alert(String alias) {
        return alerts.get(alias);
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        if (!("GenieKey " + API_KEY).equals(request.getHeader("Authorization"))) {
            return json(401, "{\"message\":\"Could not authenticate\",\"took\":0.0,\"requestId\":\"" + UUID.randomUUID() + "\"}");
        }
        String path = request.getRequestUrl().encodedPath();
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().clone().readUtf8());
        } catch (java.io.IOException e) {
            return unprocessable("Request body is not processable. Please check the errors.");
        }
        if (!"POST".equals(request.getMethod())) {
            return json(405, "{\"message\":\"Method not allowed\"}");
        }
        if (path.equals("/v2/alerts")) {
            List<String> p = new ArrayList<>();
            String message = body.path("message").asText("");
            if (message.isBlank() || message.length() > 130) {
                p.add("message: must be 1-130 characters");
            }
            if (body.path("alias").asText("").length() > 512) {
                p.add("alias: at most 512 characters");
            }
            if (body.path("description").asText("").length() > 15_000) {
                p.add("description: at most 15000 characters");
            }
            if (body.has("priority") && !PRIORITIES.contains(body.path("priority").asText())) {
                p.add("priority: must be one of P1, P2, P3, P4, P5");
            }
            if (body.has("tags") && !body.path("tags").isArray()) {
                p.add("tags: must be an array");
            }
            if (!p.isEmpty()) {
                return unprocessable(String.join("; ", p));
            }
            alerts.put(body.path("alias").asText(), "open");
            return processing();
        }
        String prefix = "/v2/alerts/";
        if (path.startsWith(prefix) && path.endsWith("/close")) {
            String alias = okhttp3.HttpUrl.get("http://x/" + path.substring(prefix.length(), path.length() - "/close".length()))
                    .pathSegments().get(0);
            if (!"alias".equals(request.getRequestUrl().queryParameter("identifierType"))) {
                return unprocessable("identifierType must be alias for an alias");
            }
            alerts.put(alias, "closed");
            return processing();
        }
        return json(404, "{\"message\":\"Not found\"}");
    }

    private static MockResponse processing() {
        return json(202, "{\"result\":\"Request will be processed\",\"took\":0.012,\"requestId\":\"" + UUID.randomUUID() + "\"}");
    }

    private static MockResponse unprocessable(String message) {
        return json(422, "{\"message\":" + quote(message) + ",\"took\":0.001,\"requestId\":\"" + UUID.randomUUID() + "\"}");
    }
}
