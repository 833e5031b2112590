package io.incidentbot.ops;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import io.incidentbot.http.Health;
import io.incidentbot.http.PlainJetty;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's port ({@code METRICS_PORT}, default 9090, on {@code METRICS_BIND}, default loopback), kept
 * off the public port that Slack reaches: {@code GET /metrics} (Prometheus text 0.0.4), {@code GET /readyz}
 * with its details (the failed jobs, with their incident numbers), and {@code GET /livez}. A small Jetty
 * server (4 threads, {@link PlainJetty}: no server version, plain error pages) that answers nothing else (404).
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);
    private final Server server;

    /**
     * @param host      address to listen on, e.g. {@code 127.0.0.1}
     * @param port      TCP port, 0 for a free one
     * @param metrics   what {@code /metrics} shows
     * @param readiness the full {@code /readyz} answer ({@code HealthReport#get})
     */
    public MetricsServer(String host, int port, Metrics metrics, java.util.function.Supplier<Health> readiness) {
        server = PlainJetty.create("metrics", port, 4, 1);
        OpsEndpoints.bind(server, host);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                if (!"GET".equals(request.getMethod())) {
                    OpsEndpoints.send(response, callback, 404, "text/plain; charset=utf-8", "not found");
                } else if ("/metrics".equals(path)) {
                    OpsEndpoints.send(response, callback, 200, OpsEndpoints.TEXT_004, metrics.scrape());
                } else if ("/readyz".equals(path)) {
                    Health h = readiness.get();
                    OpsEndpoints.send(response, callback, h.healthy() ? 200 : 503, OpsEndpoints.JSON, h.json());
                } else if ("/livez".equals(path)) {
                    OpsEndpoints.send(response, callback, 200, OpsEndpoints.JSON, io.incidentbot.HealthReport.LIVE);
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
