package io.incidentbot.statuspage;

import io.incidentbot.slack.HttpFrontEnd;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The status page's part of the bot's wiring ({@code Bot}: create, start, close). With {@code INCIDENT_STATUS_PAGE=on}
 * the page is mounted on the front end ({@code PORT}), or served on {@code INCIDENT_STATUS_PAGE_PORT} alone when that
 * is set; off, nothing is served (those paths answer 404). The components of {@code INCIDENT_STATUS_COMPONENTS}
 * missing from the database are added at start, once the database is ready.
 */
public final class StatusPageWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusPageWiring.class);
    private final StatusPageSettings settings;
    private final StatusPageService service;
    private final StatusPageServer server;

    private StatusPageWiring(StatusPageSettings settings, StatusPageService service, StatusPageServer server) {
        this.settings = settings;
        this.service = service;
        this.server = server;
    }

    /**
     * Builds the page and mounts it on {@code front} unless it has a port of its own. Call before the front end starts.
     *
     * @param zone the zone of the history bars' days ({@code INCIDENT_TIMEZONE})
     */
    public static StatusPageWiring create(StatusPageSettings settings, Storage storage, Clock clock, ZoneId zone,
                                          HttpFrontEnd front) {
        StatusPageService service = new StatusPageService(storage, clock);
        if (!settings.enabled()) {
            return new StatusPageWiring(settings, service, null);
        }
        StatusPageHttp http = new StatusPageHttp(new StatusPageReader(storage, clock, zone, settings.title()), settings.publicUrl());
        if (settings.port() != null) {
            return new StatusPageWiring(settings, service, new StatusPageServer(settings.port(), http));
        }
        front.mount("/status/*", http);
        front.mount("/api/v2/*", http);
        return new StatusPageWiring(settings, service, null);
    }

    /** @return the status page's use cases (for the Slack commands and modals) */
    public StatusPageService service() {
        return service;
    }

    /** Adds the configured components and starts the page's own server, if any. Call once the database is ready. */
    public void start() throws Exception {
        service.ensureComponents(settings.components());
        if (server != null) {
            server.start();
            log.info("status page on port {} (GET /status, /api/v2/summary.json)", server.port());
        } else if (settings.enabled()) {
            log.info("status page on the HTTP port (GET /status, /api/v2/summary.json)");
        }
    }

    /** @return the port of the page's own server, or -1 when it is served on the front end or off */
    public int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
