package io.incidentbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What the issue tracker stand-ins ({@link GitHubIssuesStandIn}, {@link JiraStandIn}, {@link GitLabStandIn})
 * share: an okhttp {@code MockWebServer} on loopback dispatching by method and path, every request recorded
 * with its decoded JSON body, answers queued ahead of the normal ones ({@link #failNext}), and a list of
 * requests that broke the vendor's documented request shape ({@link #violations}): such a request is also
 * answered with the vendor's own validation error, so a client that sends it fails the way it would in
 * production.
 */
public abstract class TrackerStandIn implements AutoCloseable {
    /**
     * One recorded request.
     *
     * @param method  HTTP method
     * @param path    decoded path segments joined with {@code /}, starting with {@code /}
     * @param rawPath the path as sent (percent-encoded)
     * @param headers request headers (names lower case)
     * @param body    the JSON body, {@link NullNode} when there is none
     */
    public record Call(String method, String path, String rawPath, Map<String, String> headers, JsonNode body) {
        /** @return the header's value, or null */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Function<Call, MockResponse>> queued = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean loseNext = new java.util.concurrent.atomic.AtomicBoolean();

    protected TrackerStandIn() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Call call = record(request);
                Function<Call, MockResponse> next = queued.poll();
                if (next != null) {
                    return next.apply(call);
                }
                try {
                    if (loseNext.getAndSet(false)) {
                        answer(call); // applied, but the answer is lost on the way back
                        return json(502, "{\"message\":\"Bad gateway\"}");
                    }
                    return answer(call);
                } catch (RuntimeException e) {
                    violations.add(call.method() + " " + call.path() + ": stand-in failed: " + e);
                    return json(500, "{\"message\":\"stand-in failure\"}");
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Call record(RecordedRequest r) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (String name : r.getHeaders().names()) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), r.getHeader(name));
        }
        String text = r.getBody().readUtf8();
        JsonNode body = NullNode.getInstance();
        if (!text.isBlank()) {
            try {
                body = JSON.readTree(text);
            } catch (IOException e) {
                violations.add(r.getMethod() + " " + r.getPath() + ": body is not JSON");
            }
        }
        String path = "/" + String.join("/", r.getRequestUrl().pathSegments());
        Call call = new Call(r.getMethod(), path, r.getRequestUrl().encodedPath(), headers, body);
        calls.add(call);
        return call;
    }

    /** Answers a request that no {@link #failNext} answer took. */
    protected abstract MockResponse answer(Call call);

    /** @return the base URL to configure (no trailing slash) */
    public String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** Answers the next request (whatever it is) with {@code status} and {@code body}, ahead of the normal answers. */
    public void failNext(int status, String body, String... headers) {
        queued.add(call -> {
            MockResponse r = json(status, body);
            for (int i = 0; i < headers.length; i += 2) {
                r.setHeader(headers[i], headers[i + 1]);
            }
            return r;
        });
    }

    /** Applies the next request as usual but answers 502, as when a proxy loses the tracker's answer. */
    public void loseNextAnswer() {
        loseNext.set(true);
    }

    /** @return every request so far, in order */
    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** @return the requests with this method whose decoded path matches {@code pathRegex} */
    public List<Call> calls(String method, String pathRegex) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().matches(pathRegex)).toList();
    }

    /** @return one line per request that broke the documented request shape; empty when every request was right */
    public List<String> violations() {
        return new ArrayList<>(violations);
    }

    /** Records a shape violation and returns the given answer. */
    protected MockResponse refuse(Call call, String why, MockResponse answer) {
        violations.add(call.method() + " " + call.path() + ": " + why);
        return answer;
    }

    protected static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    protected static MockResponse json(int status, JsonNode body) {
        try {
            return json(status, JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException ignored) {
            // closing a test server
        }
    }
}
