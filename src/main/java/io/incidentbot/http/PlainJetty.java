package io.incidentbot.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;

/**
 * The Jetty 12 server every port of the bot listens with: one connector on all interfaces, no
 * {@code Server} or {@code X-Powered-By} header, {@link PlainErrors} instead of Jetty's HTML error
 * pages, 10 s for requests in flight on stop, and no JVM shutdown hook (the bot stops it in order).
 */
public final class PlainJetty {
    private PlainJetty() {
    }

    /**
     * @param name       thread name prefix, e.g. {@code http}
     * @param port       TCP port; 0 picks a free one (see {@link #port})
     * @param maxThreads most request threads
     * @param minThreads threads kept when idle
     * @return the server, not started, with no handler yet
     */
    public static Server create(String name, int port, int maxThreads, int minThreads) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, minThreads);
        threads.setName(name);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setHost("0.0.0.0");
        server.addConnector(connector);
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
        server.setErrorHandler(new PlainErrors());
        return server;
    }

    /** @return the port {@code server} listens on (after start) */
    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops {@code server}, letting requests in flight finish; a failure is logged, not thrown. */
    public static void stop(Server server, Logger log) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("HTTP server stop failed: {}", e.toString());
        }
    }
}
