package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cachet 3's API for tests (cachethq/core, routes {@code POST /api/incidents} and
 * {@code POST /api/incidents/{incident}/updates}), on MockWebServer, dispatched by path. Checks what Cachet's request
 * rules check ({@code CreateIncidentRequestData}: name, message, status 1-4, {@code components.*.component_status}
 * 1-5; {@code CreateIncidentUpdateRequestData}: status and message) and answers 422 otherwise; requires
 * {@code Authorization: Bearer <token>} (else 401). Answers JSON:API ({@code {"data": {"id", "type", "attributes"}}}).
 */
public final class CachetStandIn implements AutoCloseable {
    /** A request as received. */
    public record Call(String method, String path, String authorization, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** @param token the API token it accepts */
    public CachetStandIn(String token) throws IOException {
        this.token = token;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return answer(r);
            }
        });
        server.start();
    }

    /** @return the base URL to use as {@code CACHET_URL} */
    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** @return the requests received, in order */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private MockResponse answer(RecordedRequest r) {
        JsonNode body;
        try {
            body = json.readTree(r.getBody().readUtf8());
        } catch (IOException e) {
            body = null;
        }
        calls.add(new Call(r.getMethod(), r.getPath(), r.getHeader("Authorization"), body));
        if (!("Bearer " + token).equals(r.getHeader("Authorization"))) {
            return new MockResponse().setResponseCode(401).setBody("{\"message\":\"Unauthenticated.\"}");
        }
        if (body == null || !"POST".equals(r.getMethod())) {
            return new MockResponse().setResponseCode(405);
        }
        boolean status = body.path("status").isInt() && body.get("status").asInt() >= 1 && body.get("status").asInt() <= 4;
        if ("/api/incidents".equals(r.getPath())) {
            boolean ok = body.path("name").isTextual() && body.path("message").isTextual() && status;
            for (JsonNode c : body.path("components")) {
                ok &= c.path("component_id").canConvertToLong() && c.path("component_status").isInt()
                        && c.get("component_status").asInt() >= 1 && c.get("component_status").asInt() <= 5;
            }
            return ok ? resource("incidents", ids.incrementAndGet(), body) : invalid();
        }
        if (r.getPath().matches("/api/incidents/\\d+/updates")) {
            return body.path("message").isTextual() && status ? resource("incident_updates", 1000 + ids.incrementAndGet(), body) : invalid();
        }
        return new MockResponse().setResponseCode(404).setBody("{\"message\":\"Not Found\"}");
    }

    private MockResponse invalid() {
        return new MockResponse().setResponseCode(422).setBody("{\"message\":\"The given data was invalid.\"}");
    }

    private MockResponse resource(String type, int id, JsonNode attributes) {
        ObjectNode root = json.createObjectNode();
        ObjectNode data = root.putObject("data");
        data.put("id", id);
        data.put("type", type);
        data.set("attributes", attributes);
        return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json").setBody(root.toString());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
