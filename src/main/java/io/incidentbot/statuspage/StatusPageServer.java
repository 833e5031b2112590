package io.incidentbot.statuspage;

import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.incidentbot.http.PlainJetty;

/**
 * The status page on a port of its own ({@code INCIDENT_STATUS_PAGE_PORT}), so operators can expose only the page
 * and its JSON API: a small Jetty server ({@link PlainJetty}: no server version, plain error pages) with the same
 * 1 MiB request limit as the front end, answering nothing but {@code /status...} and {@code /api/v2/...} (404).
 */
public final class StatusPageServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusPageServer.class);
    private final Server server;

    /**
     * @param port TCP port, 0 for a free one
     * @param http the page's handler
     */
    public StatusPageServer(int port, StatusPageHttp http) {
        server = PlainJetty.create("status", port, 16, 2);
        PathMappingsHandler paths = new PathMappingsHandler();
        mount(paths, http);
        SizeLimitHandler limit = new SizeLimitHandler(1024 * 1024, -1);
        limit.setHandler(paths);
        server.setHandler(limit);
    }

    /** Maps the page's paths ({@code /status}, {@code /status/*}, {@code /api/v2/*}) to {@code http}. */
    public static void mount(PathMappingsHandler paths, StatusPageHttp http) {
        paths.addMapping(PathSpec.from("/status/*"), http);
        paths.addMapping(PathSpec.from("/api/v2/*"), http);
    }

    /** Starts listening. @throws Exception when the port is taken */
    public void start() throws Exception {
        server.start();
    }

    /** @return the port listened on */
    public int port() {
        return PlainJetty.port(server);
    }

    @Override
    public void close() {
        PlainJetty.stop(server, log);
    }
}
