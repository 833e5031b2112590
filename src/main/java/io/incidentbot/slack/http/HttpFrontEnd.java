package io.incidentbot.slack.http;

import com.slack.api.bolt.App;
import io.incidentbot.http.Health;
import io.incidentbot.http.PlainErrors;
import io.incidentbot.http.PlainJetty;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The HTTP server (Jetty 12): {@code POST /slack/events} into Bolt ({@link SlackEndpoint}: size, UTF-8,
 * signature, replay checks), {@code GET /healthz}, and whatever other handlers are {@link #mount}ed.
 *
 * <p>For every path, mounted ones included: a body whose {@code Content-Length} is over
 * {@link #MAX_BODY} is refused with 413 before a byte of it is read, and a chunked body is cut off
 * at that size (413); the answer never names the server ({@code Server} header off) and Jetty's own
 * error pages are replaced by one plain line ({@link PlainErrors}: {@code 400 bad request}, no
 * stack trace). Unknown paths get 404.
 */
public final class HttpFrontEnd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpFrontEnd.class);
    /** Largest request body accepted on any path, in bytes. */
    public static final int MAX_BODY = SlackEndpoint.MAX_BODY;

    private final Server server;
    private final PathMappingsHandler paths = new PathMappingsHandler();

    /**
     * Without replay protection (the bench's bare Bolt baseline); see the other constructor.
     */
    public HttpFrontEnd(int port, App app, String signingSecret, Clock clock, Supplier<Health> health) {
        this(port, app, signingSecret, clock, health, null);
    }

    /**
     * @param port          TCP port; 0 picks a free one (see {@link #port()})
     * @param app           the Bolt app, or null when Slack requests arrive over Socket Mode
     * @param signingSecret the signing secret (HTTP mode)
     * @param clock         time source for the timestamp check
     * @param health        produces the {@code /healthz} answer
     * @param replays       remembers accepted request signatures, or null to accept replays
     */
    public HttpFrontEnd(int port, App app, String signingSecret, Clock clock, Supplier<Health> health,
                        ReplayGuard replays) {
        this(port, app, signingSecret, clock, health, replays, null);
    }

    /**
     * As {@link #HttpFrontEnd(int, App, String, Clock, Supplier, ReplayGuard)}, with Events API callbacks
     * answered without Bolt.
     *
     * @param events answers the {@code event_callback} requests it takes ({@link SlackEndpoint}), or null
     */
    public HttpFrontEnd(int port, App app, String signingSecret, Clock clock, Supplier<Health> health,
                        ReplayGuard replays, io.incidentbot.slack.http.EventCallbacks events) {
        server = PlainJetty.create("http", port, 64, 8);
        mount("/healthz", new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                    SlackEndpoint.send(response, callback, 405, "text/plain", "use GET");
                    return true;
                }
                Health h = health.get();
                SlackEndpoint.send(response, callback, h.healthy() ? 200 : 503, "application/json", h.json());
                return true;
            }
        });
        if (app != null) {
            mount("/slack/events", new SlackEndpoint(app, signingSecret, clock, replays, events));
        }
        SizeLimitHandler limit = new SizeLimitHandler(MAX_BODY, -1);
        limit.setHandler(paths);
        server.setHandler(limit);
    }

    /**
     * Serves {@code handler} at {@code pathSpec}, before {@link #start()}. The size limit, error pages
     * and header rules above apply to it.
     *
     * @param pathSpec a servlet-style path spec: {@code /metrics} (exact) or {@code /hooks/*} (prefix)
     * @param handler  answers the requests (return true from {@code handle} once it will answer)
     * @return this front end
     */
    public HttpFrontEnd mount(String pathSpec, Handler handler) {
        paths.addMapping(PathSpec.from(pathSpec), handler);
        return this;
    }

    /** @return the Jetty server, for handlers mounted around this one (ops/OpsEndpoints) before it starts */
    public Server server() {
        return server;
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** @return the port listened on */
    public int port() {
        return PlainJetty.port(server);
    }

    /** Stops taking requests and lets requests in flight finish (up to 10 s). */
    @Override
    public void close() {
        PlainJetty.stop(server, log);
    }
}
