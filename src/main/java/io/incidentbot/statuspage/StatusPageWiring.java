package io.incidentbot.statuspage;

import io.incidentbot.slack.http.HttpFrontEnd;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.statuspage.push.CachetClient;
import io.incidentbot.statuspage.push.HostedPage;
import io.incidentbot.statuspage.push.RateGate;
import io.incidentbot.statuspage.push.StatusPageJobs;
import io.incidentbot.statuspage.push.StatusPush;
import io.incidentbot.statuspage.push.StatuspageClient;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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
    private final JobRoutes routes;
    private final StatusPageHttp page;

    private StatusPageWiring(StatusPageSettings settings, StatusPageService service, StatusPageServer server, JobRoutes routes,
                             StatusPageHttp page) {
        this.page = page;
        this.settings = settings;
        this.service = service;
        this.server = server;
        this.routes = routes;
    }

    /** @return the status-page subscriber's job routes (pushes to Statuspage and Cachet) */
    public JobRoutes routes() {
        return routes;
    }

    /**
     * @return the status-page subscriber: public changes come from its own use cases (which enqueue their pushes);
     *         of the incident's events it takes only a resolve, which closes a published incident on the page in the
     *         same transaction ({@link StatusPageService#closeOnResolve})
     */
    public IncidentSubscriber subscriber() {
        return (work, event) -> {
            if (event instanceof io.incidentbot.incident.IncidentEvent.Resolved resolved) {
                service.closeOnResolve(work.repositories(), resolved.incident(), resolved.actor(), work.now());
            }
        };
    }

    /**
     * Builds the page and mounts it on {@code front} unless it has a port of its own. Call before the front end starts.
     *
     * @param zone the zone of the history bars' days ({@code INCIDENT_TIMEZONE})
     */
    public static StatusPageWiring create(StatusPageSettings settings, Storage storage, Clock clock, ZoneId zone,
                                          HttpFrontEnd front) {
        return create(settings, storage, clock, zone, front, () -> { });
    }

    /**
     * As {@link #create(StatusPageSettings, Storage, Clock, ZoneId, HttpFrontEnd)}, with pushes to the hosted pages
     * configured ({@code STATUSPAGE_*}, {@code CACHET_*}) enqueued as outbox jobs ({@link #routes()} delivers them).
     *
     * @param wakeup tells the outbox worker there is work
     */
    public static StatusPageWiring create(StatusPageSettings settings, Storage storage, Clock clock, ZoneId zone,
                                          HttpFrontEnd front, Runnable wakeup) {
        StatusPageWiring w = create(settings, storage, clock, zone, wakeup);
        w.mount(front);
        return w;
    }

    /**
     * Builds the page and its use cases without mounting it ({@link #mount} does, once the front end exists), so the
     * Slack side can be given {@link #service()} first.
     *
     * @param zone   the zone of the history bars' days ({@code INCIDENT_TIMEZONE})
     * @param wakeup tells the outbox worker there is work
     */
    public static StatusPageWiring create(StatusPageSettings settings, Storage storage, Clock clock, ZoneId zone,
                                          Runnable wakeup) {
        List<HostedPage> pages = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        if (settings.statuspage() != null) {
            pages.add(new StatuspageClient(settings.statuspage(), http, clock));
        }
        if (settings.cachet() != null) {
            pages.add(new CachetClient(settings.cachet(), http, clock));
        }
        StatusPageService service = new StatusPageService(storage, clock, pages.stream().map(HostedPage::provider).toList(), wakeup);
        JobRoutes routes = StatusPageJobs.routes(new StatusPush(storage, new RateGate(clock, Duration.ofSeconds(1))), pages);
        if (!settings.enabled()) {
            return new StatusPageWiring(settings, service, null, routes, null);
        }
        StatusPageHttp page = new StatusPageHttp(new StatusPageReader(storage, clock, zone, settings.title()), settings.publicUrl());
        if (settings.port() != null) {
            return new StatusPageWiring(settings, service, new StatusPageServer(settings.port(), page), routes, null);
        }
        return new StatusPageWiring(settings, service, null, routes, page);
    }

    /** Mounts the page on {@code front} when it is on and has no port of its own. Call before the front end starts. */
    public void mount(HttpFrontEnd front) {
        if (page != null) {
            front.mount("/status/*", page);
            front.mount("/api/v2/*", page);
        }
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
