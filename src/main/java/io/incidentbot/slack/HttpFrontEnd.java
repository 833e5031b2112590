package io.incidentbot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP server (Jetty 12): {@code POST /slack/events} into Bolt, {@code GET /healthz}.
 * Before Bolt sees a request it checks the signature and that {@code X-Slack-Request-Timestamp} is
 * within 5 minutes of now, past or future (401 otherwise), and that the body parses (400 otherwise).
 * See Slack's "Verifying requests from Slack". This is the only signature check: the Bolt app is built
 * without a signing secret, so Bolt's own {@code RequestVerification} (which would accept future
 * timestamps) does not run a second time.
 */
public final class HttpFrontEnd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpFrontEnd.class);
    /** Largest request body accepted, in bytes (Slack's payloads are far smaller). */
    static final int MAX_BODY = 1 << 20;
    /** Allowed distance between a request's timestamp and now, in seconds. */
    static final long MAX_SKEW_SECONDS = 300;

    private final Server server;

    /**
     * A health report for {@code /healthz}.
     *
     * @param healthy true when the bot can serve (answers 200, else 503)
     * @param json    the body: a JSON object with details
     */
    public record Health(boolean healthy, String json) {
    }

    /**
     * @param port          TCP port; 0 picks a free one (see {@link #port()})
     * @param app           the Bolt app, or null when Slack requests arrive over Socket Mode
     * @param signingSecret the signing secret (HTTP mode)
     * @param clock         time source for the timestamp check
     * @param health        produces the {@code /healthz} answer
     */
    public HttpFrontEnd(int port, App app, String signingSecret, Clock clock, Supplier<Health> health) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        connector.setHost("0.0.0.0");
        server.addConnector(connector);
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
        SlackRequestParser parser = app == null ? null : new SlackRequestParser(app.config());
        SlackSignature.Verifier verifier = signingSecret == null ? null
                : new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                String method = request.getMethod();
                if ("/healthz".equals(path) && ("GET".equals(method) || "HEAD".equals(method))) {
                    Health h = health.get();
                    send(response, callback, h.healthy() ? 200 : 503, "application/json", h.json());
                } else if ("/slack/events".equals(path) && "POST".equals(method) && app != null) {
                    slack(app, parser, verifier, clock, request, response, callback);
                } else if ("/slack/events".equals(path) && app != null) {
                    send(response, callback, 405, "text/plain", "use POST");
                } else {
                    send(response, callback, 404, "text/plain", "not found");
                }
                return true;
            }
        });
    }

    private static void slack(App app, SlackRequestParser parser, SlackSignature.Verifier verifier, Clock clock,
                              org.eclipse.jetty.server.Request request, Response response, Callback callback) {
        Content.Source.asString(request, StandardCharsets.UTF_8, new org.eclipse.jetty.util.Promise<>() {
            @Override
            public void succeeded(String body) {
                try {
                    answer(app, parser, verifier, clock, request, body, response, callback);
                } catch (Exception e) {
                    log.error("request failed", e);
                    send(response, callback, 500, "text/plain", "internal error");
                }
            }

            @Override
            public void failed(Throwable x) {
                send(response, callback, 400, "text/plain", "unreadable body");
            }
        });
    }

    private static void answer(App app, SlackRequestParser parser, SlackSignature.Verifier verifier, Clock clock,
                               org.eclipse.jetty.server.Request request, String body, Response response,
                               Callback callback) throws Exception {
        if (body.length() > MAX_BODY) {
            send(response, callback, 413, "text/plain", "body too large");
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach(f -> headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>()).add(f.getValue()));
        String timestamp = first(headers, SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = first(headers, SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!fresh(timestamp, clock) || signature == null
                || !verifier.isValid(timestamp, body, signature, clock.millis())) {
            log.warn("rejected a request with a bad signature or timestamp from {}", remote(request));
            send(response, callback, 401, "text/plain", "invalid signature");
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getHttpURI().getPath())
                    .queryString(query(request))
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(remote(request))
                    .build());
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null) {
            send(response, callback, 400, "text/plain", "malformed payload");
            return;
        }
        com.slack.api.bolt.response.Response r = app.run(slackRequest);
        response.setStatus(r.getStatusCode() == null ? 200 : r.getStatusCode());
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((k, vs) -> vs.forEach(v -> response.getHeaders().add(k, v)));
        }
        String contentType = r.getContentType() != null ? r.getContentType() : "text/plain; charset=utf-8";
        send(response, callback, response.getStatus(), contentType, r.getBody() == null ? "" : r.getBody());
    }

    /** @return true when the timestamp is epoch seconds within 5 minutes of now, either way */
    static boolean fresh(String timestamp, Clock clock) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.millis() / 1000 - Long.parseLong(timestamp));
        return skew <= MAX_SKEW_SECONDS;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name.toLowerCase());
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> query(org.eclipse.jetty.server.Request request) {
        Map<String, List<String>> q = new HashMap<>();
        Fields fields = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        fields.forEach(f -> q.put(f.getName(), f.getValues()));
        return q;
    }

    private static String remote(org.eclipse.jetty.server.Request request) {
        return org.eclipse.jetty.server.Request.getRemoteAddr(request);
    }

    private static void send(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType.contains("charset") ? contentType
                : contentType + "; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
    }

    /**
     * Puts {@code handler} in front of this front end (before {@link #start()}): it sees every request
     * first and returns false for those it does not take (e.g. {@link io.incidentbot.hooks.HookHandler}).
     */
    public void mount(Handler handler) {
        server.setHandler(new Handler.Sequence(handler, server.getHandler()));
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** @return the port listened on */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops taking requests and lets requests in flight finish (up to 10 s). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("HTTP server stop failed", e);
        }
    }
}
