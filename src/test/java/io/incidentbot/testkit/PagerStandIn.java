package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the pager stand-ins ({@link PagerDutyStandIn}, {@link JsmOpsStandIn}, {@link GoAlertStandIn}) share: an
 * okhttp {@link MockWebServer} on loopback that records every request, can be told to fail the next requests
 * (429 with {@code Retry-After}, 5xx, or a cut connection), and otherwise lets the subclass check the request
 * against the API's documented shape and answer as the API does.
 */
public abstract class PagerStandIn implements AutoCloseable {
    /** JSON reader of the stand-ins. */
    protected static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One recorded request.
     *
     * @param method  HTTP method
     * @param path    path without the query
     * @param query   query parameters (last value wins)
     * @param headers request headers (names lowercase)
     * @param body    the raw body as UTF-8
     * @param status  the status answered
     */
    public record Received(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
                           int status) {
        /** @return the body as JSON (an empty object when it is not JSON) */
        public JsonNode json() {
            try {
                JsonNode n = JSON.readTree(body);
                return n == null ? JSON.createObjectNode() : n;
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** @return the body's form fields ({@code application/x-www-form-urlencoded}) */
        public Map<String, String> form() {
            return PagerStandIn.form(body);
        }

        /** @return a header's value (case-insensitive name), or null */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<MockResponse> faults = new ConcurrentLinkedQueue<>();
    private volatile java.util.concurrent.CountDownLatch held;
    private final java.util.concurrent.atomic.AtomicInteger heldCount = new java.util.concurrent.atomic.AtomicInteger();

    protected PagerStandIn() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse fault = faults.poll();
                MockResponse answer = fault != null ? fault : held(request);
                HttpUrl url = request.getRequestUrl();
                Map<String, String> query = new LinkedHashMap<>();
                if (url != null) {
                    for (String name : url.queryParameterNames()) {
                        query.put(name, url.queryParameter(name));
                    }
                }
                Map<String, String> headers = new LinkedHashMap<>();
                request.getHeaders().forEach(h -> headers.put(h.getFirst().toLowerCase(java.util.Locale.ROOT), h.getSecond()));
                int status = Integer.parseInt(answer.getStatus().split(" ")[1]);
                received.add(new Received(request.getMethod(), url == null ? request.getPath() : url.encodedPath(), query,
                        headers, request.getBody().readUtf8(), status));
                return answer;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds every request unanswered from now on until {@link #release()}: a pager that stops answering in the middle
     * of a call. A held request is then answered 500 ("never applied"), so it is not {@link #accepted()}.
     */
    public void hold() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    /** @return how many requests {@link #hold()} has held so far (they are recorded only once answered) */
    public int heldCount() {
        return heldCount.get();
    }

    /** Ends {@link #hold()}: held requests are answered 500 (their caller may be gone), later ones normally. */
    public void release() {
        java.util.concurrent.CountDownLatch h = held;
        held = null;
        if (h != null) {
            h.countDown();
        }
    }

    private MockResponse held(RecordedRequest request) {
        java.util.concurrent.CountDownLatch h = held;
        if (h == null) {
            return answer(request);
        }
        heldCount.incrementAndGet();
        try {
            h.await(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return json(500, "{\"status\":\"never applied\"}");
    }

    /** Answers one request that passed no injected fault. */
    protected abstract MockResponse answer(RecordedRequest request);

    /** @return the server's base URL, e.g. {@code http://127.0.0.1:4711/} */
    public HttpUrl baseUrl() {
        return server.url("/");
    }

    /** @return every request answered so far, oldest first (including those answered with a fault) */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** @return requests answered with 2xx, oldest first */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.status() >= 200 && r.status() < 300).toList();
    }

    /** Answers the next request with {@code status}, {@code Retry-After: retryAfter} (when not null) and {@code body}. */
    public void failNext(int status, String retryAfter, String body) {
        MockResponse r = new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
        if (retryAfter != null) {
            r.setHeader("Retry-After", retryAfter);
        }
        faults.add(r);
    }

    /** Cuts the connection of the next request after it is read (a network failure to the client). */
    public void disconnectNext() {
        faults.add(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }

    /** @return a JSON answer */
    protected static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** @return form fields of an {@code application/x-www-form-urlencoded} body */
    protected static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** @return {@code problems} as a JSON array text */
    protected static String array(List<String> problems) {
        try {
            return JSON.writeValueAsString(new ArrayList<>(problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code text} as a JSON string literal */
    protected static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
