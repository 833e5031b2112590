package io.incidentbot.hooks;

import io.incidentbot.alerts.AlertNotification;
import io.incidentbot.alerts.AlertService;
import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeService;
import io.incidentbot.config.HookSettings;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The webhook endpoints (issue 12) as a Jetty 12 handler that takes only paths under {@code /hooks/}
 * (it returns false for every other path, so it is mounted in front of the Slack front end):
 * {@code POST /hooks/alertmanager}, {@code /hooks/grafana}, {@code /hooks/alerts}, {@code /hooks/changes}
 * with {@code Authorization: Bearer $INCIDENT_WEBHOOK_TOKEN}, and {@code POST /hooks/github} signed with
 * {@code X-Hub-Signature-256} ({@code GITHUB_WEBHOOK_SECRET}).
 *
 * <p>Answers: 404 when the endpoint's token or secret is unset (or the path is unknown); 405 for other
 * methods; 401 for a wrong or missing token or signature, before the body is read, nothing stored;
 * 413 for a body over {@value #MAX_BODY} bytes (refused on {@code Content-Length} before reading, and a
 * chunked body is read no further than that); 400 with the one-line {@link MalformedPayloadException}
 * message; 503 (Alertmanager and GitHub retry) when the bot cannot store it now; 200 with a small JSON
 * receipt only after the notification is committed; 202 for a GitHub event that is not a change.
 * Integrations add {@link HookRoute}s by name (the pager's, the trackers' {@code jira}, {@code gitlab}, and
 * {@code github:issues} for GitHub {@code issues} events on {@code /hooks/github}).
 */
public final class HookHandler extends Handler.Abstract {
    /** Largest body accepted, in bytes (1 MiB). */
    public static final int MAX_BODY = 1 << 20;
    /** Path prefix this handler takes. */
    public static final String PREFIX = "/hooks/";
    private static final Logger log = LoggerFactory.getLogger(HookHandler.class);

    private final HookSettings settings;
    private final java.util.function.Consumer<String> received;
    /** One WARN a minute per refused path (anyone can send a wrong token at will). */
    private final io.incidentbot.ops.RateLimitedLog refusals;
    private final AlertService alerts;
    private final ChangeService changes;
    private final Clock clock;
    private final java.util.Map<String, HookRoute> routes;

    /**
     * @param settings tokens and secret ({@code INCIDENT_WEBHOOK_TOKEN}, {@code GITHUB_WEBHOOK_SECRET})
     * @param alerts   stores alert notifications
     * @param changes  stores changes
     * @param clock    "now" for bodies without a time
     * @param received told the hook's name ({@code alertmanager}, {@code grafana}, {@code alerts},
     *                 {@code changes}, {@code github}) of each notification answered 2xx (the metric)
     */
    public HookHandler(HookSettings settings, AlertService alerts, ChangeService changes, Clock clock,
                       java.util.function.Consumer<String> received) {
        this(settings, alerts, changes, clock, received, java.util.Map.of());
    }

    /**
     * As above, with integrations' extra endpoints by name ({@code pagerduty} for {@code /hooks/pagerduty};
     * {@code github:issues} for GitHub {@code issues} events on {@code /hooks/github}).
     */
    public HookHandler(HookSettings settings, AlertService alerts, ChangeService changes, Clock clock,
                       java.util.function.Consumer<String> received, java.util.Map<String, HookRoute> routes) {
        this.routes = java.util.Map.copyOf(routes);
        this.refusals = new io.incidentbot.ops.RateLimitedLog(log, java.time.Duration.ofMinutes(1), clock);
        this.received = received;
        this.settings = settings;
        this.alerts = alerts;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return false;
        }
        String name = path.substring(PREFIX.length());
        boolean github = "github".equals(name);
        HookRoute route = name.contains(":") ? null : routes.get(name);
        boolean known = github || route != null || List.of("alertmanager", "grafana", "alerts", "changes").contains(name);
        boolean signed = github || route != null && route.auth() == HookRoute.Auth.SIGNED;
        if (!known || (route != null && !route.enabled())
                || (route == null && (github ? settings.githubSecret() == null : settings.webhookToken() == null))) {
            return send(response, callback, 404, "not found");
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return send(response, callback, 405, "use POST");
        }
        if (!signed && !BearerToken.matches(request.getHeaders().get(HttpHeader.AUTHORIZATION), settings.webhookToken())) {
            refusals.warn(path, "refused {} with a missing or wrong bearer token from {}", path, Request.getRemoteAddr(request));
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return send(response, callback, 401, "missing or wrong bearer token");
        }
        if (request.getLength() > MAX_BODY) {
            return send(response, callback, 413, "body over 1 MiB");
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            return send(response, callback, 400, "unreadable body");
        }
        if (body.length > MAX_BODY) {
            return send(response, callback, 413, "body over 1 MiB");
        }
        try {
            boolean answered;
            if (route != null) {
                answered = route(route, request, body, response, callback);
            } else {
                answered = github ? github(request, body, response, callback) : receive(name, body, response, callback);
            }
            received.accept(name);
            return answered;
        } catch (MalformedPayloadException e) {
            return send(response, callback, 400, e.getMessage());
        } catch (AlertService.NotReadyException e) {
            return send(response, callback, 503, e.getMessage());
        } catch (RuntimeException e) {
            log.error("could not store a {} webhook", name, e);
            return send(response, callback, 503, "could not store it now; try again");
        }
    }

    private boolean receive(String name, byte[] body, Response response, Callback callback) {
        if ("changes".equals(name)) {
            int stored = changes.record(List.of(GenericChangePayload.parse(body, clock)));
            return json(response, callback, 200, "{\"stored\":" + stored + "}");
        }
        AlertNotification n = switch (name) {
            case "alertmanager" -> AlertmanagerPayload.parse(body);
            case "grafana" -> GrafanaPayload.parse(body);
            default -> GenericAlertPayload.parse(body, clock);
        };
        AlertService.Receipt r = alerts.receive(n);
        return json(response, callback, 200, "{\"route\":\"" + r.route() + "\",\"stored\":" + r.stored()
                + (r.incident() == null ? "" : ",\"incident\":" + r.incident()) + "}");
    }

    private boolean github(Request request, byte[] body, Response response, Callback callback) {
        if (!GitHubSignature.verify(body, request.getHeaders().get(GitHubSignature.HEADER),
                settings.githubSecret().getBytes(StandardCharsets.UTF_8))) {
            refusals.warn("/hooks/github", "refused /hooks/github with a bad signature from {}", Request.getRemoteAddr(request));
            return send(response, callback, 401, "missing or wrong X-Hub-Signature-256");
        }
        String event = request.getHeaders().get("X-GitHub-Event");
        HookRoute route = routes.get("github:" + event);
        if (route != null && route.enabled()) {
            return route(route, request, body, response, callback);
        }
        List<Change> found = GitHubEvents.parse(event, body);
        if (found.isEmpty()) {
            log.debug("ignored GitHub event {}", event);
            return json(response, callback, 202, "{\"stored\":0,\"ignored\":true}");
        }
        int stored = changes.recordDelivery(request.getHeaders().get("X-GitHub-Delivery"), found);
        return json(response, callback, 200, "{\"stored\":" + stored + "}");
    }

    /** A route's answer; its 401 (a SIGNED route's refusal) is said in one text and logged, at most once a minute. */
    private boolean route(HookRoute route, Request request, byte[] body, Response response, Callback callback) {
        HookRoute.Answer a = route.handle(h -> request.getHeaders().get(h), body);
        if (a.status() == 401) {
            String path = request.getHttpURI().getPath();
            refusals.warn(path, "refused {} with a bad signature or token from {}", path, Request.getRemoteAddr(request));
            return send(response, callback, 401, "missing or wrong signature or token");
        }
        return json(response, callback, a.status(), a.json());
    }

    private static boolean json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    private static boolean send(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (status >= 400) {
            // A refusal leaves the body unread, so Jetty closes the connection after answering: say so, or
            // a client that reuses it (Alertmanager's, Java's) meets a closed socket on its next request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Content.Sink.write(response, true, text + "\n", callback);
        return true;
    }
}
