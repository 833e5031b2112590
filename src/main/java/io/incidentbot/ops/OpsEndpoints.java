package io.incidentbot.ops;

import io.incidentbot.http.Health;
import io.incidentbot.Version;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The operations endpoints of the public port, as a Jetty handler wrapped around the bot's HTTP front end
 * ({@link #mount}): {@code GET /livez} (the process serves HTTP: always 200, {@code {"status":"ok",...}})
 * and {@code GET /readyz} (readiness: 200 or 503 with the reasons and counts, in the same JSON shape and
 * words, see {@code HealthReport#summary}; the failed jobs' details are on the metrics port only,
 * {@link MetricsServer}). {@code /metrics} is never answered here. Every other request passes through to the
 * front end with a request ID ({@code X-Request-Id} from the sender when it looks like one, else a
 * fresh one; echoed in the answer and put in the {@code request_id} MDC field) and is counted and timed
 * ({@link Metrics#request}) once answered.
 */
public final class OpsEndpoints extends Handler.Wrapper {
    /** Content type of a Prometheus scrape (text format 0.0.4). */
    static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";
    /** Content type of {@code /livez} and {@code /readyz}. */
    static final String JSON = "application/json; charset=utf-8";

    private final Supplier<Health> readiness;
    private final Metrics metrics;
    private final RequestTraces traces;

    private OpsEndpoints(Supplier<Health> readiness, Metrics metrics, RequestTraces traces) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.traces = traces;
    }

    /**
     * Wraps the server's current handler (call before the server starts, after every other handler is set)
     * and binds Jetty's metrics.
     *
     * @param server        the public HTTP server
     * @param readiness     the {@code /readyz} answer
     * @param metrics       the bot's metrics
     * @param traces        shared with the Bolt middleware that learns each request's kind
     */
    public static void mount(Server server, Supplier<Health> readiness, Metrics metrics, RequestTraces traces) {
        OpsEndpoints ops = new OpsEndpoints(readiness, metrics, traces);
        ops.setHandler(server.getHandler());
        server.setHandler(ops);
        metrics.bindJetty(server);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && "/livez".equals(path)) {
            send(response, callback, 200, JSON, io.incidentbot.HealthReport.LIVE);
            return true;
        }
        if (read && "/readyz".equals(path)) {
            Health h = readiness.get();
            send(response, callback, h.healthy() ? 200 : 503, JSON, h.json());
            return true;
        }
        if ("/healthz".equals(path) || "/metrics".equals(path)) {
            return super.handle(request, response, callback);
        }
        return traced(request, response, callback, path);
    }

    private boolean traced(Request request, Response response, Callback callback, String path) throws Exception {
        long start = System.nanoTime();
        String id = requestId(request.getHeaders().get("X-Request-Id"));
        traces.begin(id);
        if (path.startsWith("/hooks") || path.startsWith("/webhooks")) {
            traces.kind(id, "hook");
        }
        response.getHeaders().put("X-Request-Id", id);
        HttpFields headers = HttpFields.build(request.getHeaders()).put(new HttpField(RequestTraces.HEADER, id));
        Request withId = new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        };
        Callback done = Callback.from(callback, () -> metrics.request(traces.end(id), response.getStatus(),
                Duration.ofNanos(System.nanoTime() - start)));
        MDC.put("request_id", id);
        boolean handled = false;
        try {
            handled = super.handle(withId, response, done);
            return handled;
        } finally {
            if (!handled) {
                traces.end(id);
            }
            MDC.remove("request_id");
        }
    }

    /**
     * Makes the server's connectors listen on {@code host} only (call before it starts).
     *
     * @param server a server not yet started
     * @param host   an IP address, e.g. {@code 127.0.0.1}; {@code 0.0.0.0} for every interface
     */
    public static void bind(Server server, String host) {
        for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
                sc.setHost(host);
            }
        }
    }

    /** @return the sender's ID when it is 8-64 characters of letters, digits, {@code -_.}; else a fresh one */
    static String requestId(String given) {
        if (given != null && given.matches("[A-Za-z0-9._-]{8,64}")) {
            return given;
        }
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static void send(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, body, callback);
    }
}
