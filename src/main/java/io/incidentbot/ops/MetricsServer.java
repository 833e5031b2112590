package io.incidentbot.ops;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import io.incidentbot.slack.http.PlainJetty;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} on a port of its own ({@code METRICS_PORT}), so scrapes stay off the public
 * port that Slack reaches: a small Jetty server (4 threads, {@link PlainJetty}: no server version, plain
 * error pages) that answers nothing else (404).
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private final Server server;

    /**
     * @param port    TCP port, 0 for a free one
     * @param metrics what {@code /metrics} shows
     */
    public MetricsServer(int port, Metrics metrics) {
        server = PlainJetty.create("metrics", port, 4, 1);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if ("/metrics".equals(request.getHttpURI().getPath()) && "GET".equals(request.getMethod())) {
                    OpsEndpoints.send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                } else {
                    OpsEndpoints.send(response, callback, 404, "text/plain; charset=utf-8", "not found");
                }
                return true;
            }
        });
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
