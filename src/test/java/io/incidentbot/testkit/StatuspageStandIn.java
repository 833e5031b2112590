package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Atlassian Statuspage's REST API (v1) for tests, on MockWebServer: {@code POST /v1/pages/{page}/incidents} and
 * {@code PATCH /v1/pages/{page}/incidents/{id}}, dispatched by path, answering the documented incident object
 * (https://developer.statuspage.io, "Create an incident"). Requires {@code Authorization: OAuth <key>} (else 401, as
 * Statuspage) and a JSON body with an {@code incident} object (else 422). Every request is recorded; {@link #failNext}
 * queues failures (e.g. 420/429 with {@code Retry-After}) answered before the normal answers.
 */
public final class StatuspageStandIn implements AutoCloseable {
    /** A request as received: method, path and JSON body. */
    public record Call(String method, String path, String authorization, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper json = new ObjectMapper();
    private final String key;
    private final String page;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<MockResponse> failures = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** @param key the API key it accepts; @param page the page ID it serves */
    public StatuspageStandIn(String key, String page) throws IOException {
        this.key = key;
        this.page = page;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return answer(r);
            }
        });
        server.start();
    }

    /** @return the base URL to use as {@code STATUSPAGE_API_URL}, e.g. {@code http://127.0.0.1:4321/v1} */
    public String apiUrl() {
        return server.url("/v1").toString();
    }

    /** Answers the next request with {@code status} (and {@code Retry-After} when not null) instead. */
    public synchronized void failNext(int status, String retryAfter) {
        MockResponse m = new MockResponse().setResponseCode(status).setBody("{\"error\":\"rate limited\"}");
        if (retryAfter != null) {
            m.setHeader("Retry-After", retryAfter);
        }
        failures.add(m);
    }

    /** @return the requests received, in order */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private synchronized MockResponse answer(RecordedRequest r) {
        JsonNode body;
        try {
            body = json.readTree(r.getBody().readUtf8());
        } catch (IOException e) {
            body = null;
        }
        calls.add(new Call(r.getMethod(), r.getPath(), r.getHeader("Authorization"), body));
        if (!("OAuth " + key).equals(r.getHeader("Authorization"))) {
            return new MockResponse().setResponseCode(401).setBody("{\"error\":\"Could not authenticate\"}");
        }
        MockResponse failure = failures.poll();
        if (failure != null) {
            return failure;
        }
        String base = "/v1/pages/" + page + "/incidents";
        if (body == null || !body.path("incident").isObject()) {
            return new MockResponse().setResponseCode(422).setBody("{\"error\":\"incident is missing\"}");
        }
        if ("POST".equals(r.getMethod()) && base.equals(r.getPath())) {
            if (!body.at("/incident/name").isTextual()) {
                return new MockResponse().setResponseCode(422).setBody("{\"error\":\"name can't be blank\"}");
            }
            return incident(String.format("p%011d", ids.incrementAndGet()), body.get("incident"));
        }
        if ("PATCH".equals(r.getMethod()) && r.getPath().startsWith(base + "/")) {
            return incident(r.getPath().substring(base.length() + 1), body.get("incident"));
        }
        return new MockResponse().setResponseCode(404).setBody("{\"error\":\"Not found\"}");
    }

    private MockResponse incident(String id, JsonNode sent) {
        ObjectNode i = json.createObjectNode();
        i.put("id", id);
        i.put("page_id", page);
        i.set("name", sent.path("name"));
        i.set("status", sent.path("status"));
        i.put("impact", "minor");
        i.put("shortlink", "http://stspg.io/" + id);
        i.putArray("incident_updates").addObject().put("id", id + "u").set("body", sent.path("body"));
        return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json").setBody(i.toString());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
