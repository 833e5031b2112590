package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The status page over HTTP (Jetty 12 handler), mounted on the bot's front end ({@code PORT}: its 1 MiB limit and
 * plain error pages) or on a port of its own ({@link StatusPageServer}):
 * <ul>
 *   <li>{@code GET /status}, {@code /status/incidents/<public id>}, {@code /status/history}: HTML rendered from the
 *   precompiled JTE templates ({@code src/main/jte/status}), every text escaped by JTE's HTML mode; a
 *   {@code Content-Security-Policy} allows only the page's own stylesheet and script, so even markup that slipped
 *   through could not run;</li>
 *   <li>{@code /status/history.atom}, {@code /status/history.rss} ({@link Feeds});</li>
 *   <li>{@code /api/v2/summary.json}, {@code status.json}, {@code components.json}, {@code incidents.json},
 *   {@code incidents/unresolved.json}, {@code scheduled-maintenances.json} (+ {@code /upcoming.json},
 *   {@code /active.json}) in Statuspage's shapes ({@link StatuspageJson}), readable from any origin.</li>
 * </ul>
 * Every answer carries a strong {@code ETag} (SHA-256 of the body) and {@code Cache-Control: public, max-age=30}; a
 * request whose {@code If-None-Match} names the current ETag gets 304 with no body. {@code GET} and {@code HEAD}
 * only (else 405). When the database cannot be read the answer is 503 with one plain line.
 */
public final class StatusPageHttp extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StatusPageHttp.class);
    private static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "/status/assets/status.css", "text/css; charset=utf-8",
            "/status/assets/status.js", "text/javascript; charset=utf-8");

    private final StatusPageReader reader;
    private final String publicUrl;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param reader    reads the page from the database
     * @param publicUrl the page's public base URL ({@code INCIDENT_STATUS_PAGE_URL}) without a trailing {@code /},
     *                  or null to take it from each request's scheme and {@code Host}
     */
    public StatusPageHttp(StatusPageReader reader, String publicUrl) {
        this.reader = reader;
        this.publicUrl = publicUrl;
    }

    /** An answer before caching headers: status, content type and body. */
    private record Answer(int status, String type, byte[] body, boolean html) {
        static Answer text(int status, String line) {
            return new Answer(status, "text/plain; charset=utf-8", (line + "\n").getBytes(StandardCharsets.UTF_8), false);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(request, response, callback, Answer.text(405, "405 method not allowed"), false);
            return true;
        }
        String path = request.getHttpURI().getDecodedPath();
        Answer a;
        try {
            a = answer(path, base(request));
        } catch (RuntimeException e) {
            log.warn("status page {} could not be read: {}", path, e.toString());
            a = Answer.text(503, "503 the status page is unavailable, try again shortly");
        }
        send(request, response, callback, a, a.status() == 200);
        return true;
    }

    private Answer answer(String path, String base) {
        String asset = ASSETS.get(path);
        if (asset != null) {
            return new Answer(200, asset, resource(path.substring("/status/assets/".length())), false);
        }
        switch (path) {
            case "/status", "/status/" -> {
                return html(render("status/page.jte", reader.snapshot()));
            }
            case "/status/history" -> {
                return html(render("status/history.jte", reader.history()));
            }
            case "/status/history.atom" -> {
                return new Answer(200, "application/atom+xml; charset=utf-8", bytes(Feeds.atom(reader.history(), base)), false);
            }
            case "/status/history.rss" -> {
                return new Answer(200, "application/rss+xml; charset=utf-8", bytes(Feeds.rss(reader.history(), base)), false);
            }
            default -> {
                // below
            }
        }
        if (path.startsWith("/status/incidents/")) {
            String id = path.substring("/status/incidents/".length());
            return reader.incident(id)
                    .map(v -> html(render("status/incident.jte", Map.of("v", v, "pageTitle", reader.snapshotTitle()))))
                    .orElseGet(() -> Answer.text(404, "404 no such incident"));
        }
        if (path.startsWith("/api/v2/")) {
            ObjectNode body = api(path.substring("/api/v2/".length()), base);
            if (body == null) {
                return Answer.text(404, "404 not found");
            }
            try {
                return new Answer(200, "application/json; charset=utf-8", json.writeValueAsBytes(body), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Answer.text(404, "404 not found");
    }

    private ObjectNode api(String name, String base) {
        StatuspageJson j;
        switch (name) {
            case "summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
                 "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json" ->
                    j = new StatuspageJson(reader.snapshot(), base);
            default -> {
                return null;
            }
        }
        return switch (name) {
            case "summary.json" -> j.summary();
            case "status.json" -> j.statusJson();
            case "components.json" -> j.componentsJson();
            case "incidents.json" -> j.incidentsJson();
            case "incidents/unresolved.json" -> j.unresolvedJson();
            case "scheduled-maintenances/upcoming.json" -> j.maintenancesJson("upcoming");
            case "scheduled-maintenances/active.json" -> j.maintenancesJson("active");
            default -> j.maintenancesJson("all");
        };
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput();
        if (model instanceof Map<?, ?> params) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) params;
            templates.render(template, p, out);
        } else {
            templates.render(template, model, out);
        }
        return out.toString();
    }

    private static Answer html(String page) {
        return new Answer(200, "text/html; charset=utf-8", bytes(page), true);
    }

    private String base(Request request) {
        if (publicUrl != null) {
            return publicUrl;
        }
        HttpURI uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static void send(Request request, Response response, Callback callback, Answer a, boolean cacheable) {
        var h = response.getHeaders();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        if (a.html()) {
            h.put("Content-Security-Policy", CSP);
        }
        if (a.type().startsWith("application/json")) {
            h.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        if (cacheable) {
            String etag = etag(a.body());
            h.put(HttpHeader.ETAG, etag);
            h.put(HttpHeader.CACHE_CONTROL, "public, max-age=30");
            if (matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
                response.setStatus(304);
                response.write(true, null, callback);
                return;
            }
        } else {
            h.put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        response.setStatus(a.status());
        h.put(HttpHeader.CONTENT_TYPE, a.type());
        h.put(HttpHeader.CONTENT_LENGTH, a.body().length);
        if ("HEAD".equals(request.getMethod())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(a.body()), callback);
        }
    }

    /** @return true when an {@code If-None-Match} value lists {@code etag} (weak or strong) or is {@code *} */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String v = t.strip();
            if (v.equals("*") || v.equals(etag) || v.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** @return a strong ETag: the first 128 bits of the body's SHA-256, quoted */
    static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatusPageHttp.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing asset " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
