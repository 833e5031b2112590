package io.incidentbot.slack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.ssl_check.SSLCheckPayloadDetector;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.util.SlackRequestParser;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: slash commands, Events API callbacks and interactivity into Bolt, in
 * this order, each step refusing before the next costs anything:
 * <ol>
 * <li>the body is read up to {@link #MAX_BODY} bytes; more is refused with 413 (a {@code Content-Length}
 *     over the limit is refused before any byte is read, by the front end's size limit);</li>
 * <li>it must be valid UTF-8 (400);</li>
 * <li>an {@code ssl_check=1} form body gets 200 (Slack's certificate check, which does nothing);</li>
 * <li>the signature and {@code X-Slack-Request-Timestamp} (within 5 minutes of now, past or future) are
 *     checked with the SDK's {@link SlackSignature.Verifier} (401), see Slack's "Verifying requests
 *     from Slack";</li>
 * <li>the body must parse as a Slack request (400); an {@code app_rate_limited} callback gets 200 and a
 *     WARN (Events API "Rate limiting");</li>
 * <li>a request seen before (same signature) is a replay: 200, empty, nothing done. Events API callbacks
 *     are not remembered: each is recorded exactly once by its {@code event_id} in the transaction that
 *     records it, which covers replays and Slack's own redeliveries alike;</li>
 * <li>an {@code event_callback} JSON body is parsed once and offered to the {@link EventCallbacks}, which
 *     answer the events they take without Bolt;</li>
 * <li>Bolt runs it. An answer of 500 or more forgets the signature again, so a retry may act; when the database
 *     cannot forget it either, the user gets the "something went wrong; nothing was changed" answer.</li>
 * </ol>
 * This is the only signature check: the Bolt app is built without a signing secret.
 */
public final class SlackEndpoint extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest request body accepted, in bytes (Slack's payloads are far smaller). */
    public static final int MAX_BODY = 1 << 20;
    /** Allowed distance between a request's timestamp and now, in seconds. */
    public static final long MAX_SKEW_SECONDS = 300;

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature.Verifier verifier;
    private final Clock clock;
    private final ReplayGuard replays;
    private final EventCallbacks events;
    /** Refusals an outsider can cause at will: one WARN line a minute per kind (issue 24). */
    private final io.incidentbot.ops.RateLimitedLog refusals;
    private final SSLCheckPayloadDetector sslCheck = new SSLCheckPayloadDetector();
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("\\d{1,12}");

    /**
     * @param app           the Bolt app (built without request verification)
     * @param signingSecret {@code SLACK_SIGNING_SECRET}
     * @param clock         time source for the timestamp check
     * @param replays       remembers accepted signatures, or null to accept replays (the bench's bare baseline)
     */
    public SlackEndpoint(App app, String signingSecret, Clock clock, ReplayGuard replays) {
        this(app, signingSecret, clock, replays, null);
    }

    /**
     * As {@link #SlackEndpoint(App, String, Clock, ReplayGuard)}, with Events API callbacks answered
     * without Bolt.
     *
     * @param events answers {@code event_callback} requests it takes, or null to give every request to Bolt
     */
    public SlackEndpoint(App app, String signingSecret, Clock clock, ReplayGuard replays, EventCallbacks events) {
        this.events = events;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.verifier = new SlackSignature.Verifier(new SlackSignature.Generator(signingSecret));
        this.clock = clock;
        this.replays = replays;
        this.refusals = new io.incidentbot.ops.RateLimitedLog(log, java.time.Duration.ofMinutes(1), clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod())) {
            send(response, callback, 405, "text/plain", "use POST");
            return true;
        }
        // BLOCKING: answering runs Bolt and commits to the database, so Jetty must not run it on a selector thread.
        Content.Source.asByteArrayAsync(request, MAX_BODY, Promise.Invocable.from(Invocable.InvocationType.BLOCKING,
                body -> {
                    try {
                        answer(request, body, response, callback);
                    } catch (Exception e) {
                        log.error("request failed: {}", e.toString());
                        send(response, callback, 500, "text/plain", "internal error");
                    }
                },
                x -> {
                    boolean tooLarge = x instanceof IllegalArgumentException
                            || (x instanceof HttpException h && h.getCode() == 413)
                            || (x.getCause() instanceof HttpException h2 && h2.getCode() == 413);
                    if (tooLarge) {
                        refusals.warn("too_large", "refused a request body over {} bytes from {}", MAX_BODY, remote(request));
                    }
                    send(response, callback, tooLarge ? 413 : 400, "text/plain", tooLarge ? "body too large" : "unreadable body");
                }));
        return true;
    }

    private void answer(Request request, byte[] bytes, Response response, Callback callback) throws Exception {
        String body;
        try {
            body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            send(response, callback, 400, "text/plain", "body is not UTF-8");
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach(f -> headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>()).add(f.getValue()));
        if (sslCheck.isSSLCheckRequest(body)) {
            send(response, callback, 200, "text/plain", "");
            return;
        }
        String timestamp = EventCallbacks.header(headers, SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
        String signature = EventCallbacks.header(headers, SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
        if (!fresh(timestamp, clock) || signature == null
                || !verifier.isValid(timestamp, body, signature, clock.millis())) {
            refusals.warn("signature", "rejected a request with a bad signature or timestamp from {}", remote(request));
            send(response, callback, 401, "text/plain", "invalid signature");
            return;
        }
        if (events != null && body.startsWith("{")) {
            JsonNode envelope = json(body);
            if (envelope != null && "event_callback".equals(envelope.path("type").asText())) {
                java.util.OptionalInt status = events.answer(envelope, headers);
                if (status.isPresent()) {
                    send(response, callback, status.getAsInt(), "text/plain", "");
                    return;
                }
            }
        }
        com.slack.api.bolt.request.Request<?> slackRequest;
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
            if (rateLimited(body)) {
                log.warn("Slack is rate limiting this app's Events API deliveries (app_rate_limited): events of "
                        + "this minute may not be delivered; the catch-up sweep reads missed messages later");
                send(response, callback, 200, "text/plain", "");
                return;
            }
            send(response, callback, 400, "text/plain", "malformed payload");
            return;
        }
        boolean remembered = replays != null && slackRequest.getRequestType() != RequestType.Event;
        boolean first = true;
        if (remembered) {
            try {
                first = replays.firstUse(signature);
            } catch (RuntimeException databaseDown) {
                // The request cannot act either (its own write fails the same way): let Bolt run it so the
                // user gets ErrorMiddleware's "nothing was changed" instead of a bare 500.
                io.incidentbot.store.StorageUnavailableException.warnUnlessOutage(log, databaseDown,
                        "replay check skipped, the database failed: {}");
                remembered = false;
            }
        }
        if (!first) {
            log.warn("ignored a replayed {} request from {} (its signature was accepted before)",
                    slackRequest.getRequestType(), remote(request));
            send(response, callback, 200, "text/plain", "");
            return;
        }
        com.slack.api.bolt.response.Response r = app.run(slackRequest);
        int status = r.getStatusCode() == null ? 200 : r.getStatusCode();
        if (remembered && status >= 500) {
            try {
                replays.forget(signature);
            } catch (RuntimeException databaseDown) {
                // The database failed under the request too: the user reads "nothing was changed", not a bare 500.
                io.incidentbot.store.StorageUnavailableException.warnUnlessOutage(log, databaseDown,
                        "could not forget the signature of a failed request, the database failed: {}");
                r = ErrorMiddleware.somethingWentWrong(slackRequest.getRequestType(), "; nothing was changed");
                status = 200;
            }
        }
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((k, vs) -> vs.forEach(v -> response.getHeaders().add(k, v)));
        }
        String contentType = r.getContentType() != null ? r.getContentType() : "text/plain; charset=utf-8";
        send(response, callback, status, contentType, r.getBody() == null ? "" : r.getBody());
    }

    /** @return true for Slack's {@code {"type": "app_rate_limited", ...}} callback */
    private static boolean rateLimited(String body) {
        JsonNode n = json(body);
        return n != null && "app_rate_limited".equals(n.path("type").asText());
    }

    /** @return the body as JSON, or null when it is not JSON */
    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** @return true when the timestamp is epoch seconds within 5 minutes of now, either way */
    static boolean fresh(String timestamp, Clock clock) {
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            return false;
        }
        long skew = Math.abs(clock.millis() / 1000 - Long.parseLong(timestamp));
        return skew <= MAX_SKEW_SECONDS;
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> q = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        fields.forEach(f -> q.put(f.getName(), f.getValues()));
        return q;
    }

    private static String remote(Request request) {
        return Request.getRemoteAddr(request);
    }

    /** Writes a whole answer; a content type without a charset gets {@code charset=utf-8}. */
    public static void send(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType.contains("charset") ? contentType
                : contentType + "; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
    }
}
