package io.incidentbot;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.incidentbot.config.Config;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.OutboxWorker;
import io.incidentbot.outbox.Payload;
import io.incidentbot.storage.jdbi.OpeningStorage;
import io.incidentbot.store.Storage;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.slack.BotIdentity;
import io.incidentbot.slack.PostmortemPublisher;
import io.incidentbot.slack.SlackUserDirectory;
import io.incidentbot.slack.UntilDone;
import io.incidentbot.slack.HttpFrontEnd;
import io.incidentbot.slack.SlackApp;
import io.incidentbot.slack.SlackJobHandler;
import io.incidentbot.slack.events.Backfill;
import io.incidentbot.slack.events.TimelineEvents;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.incidentbot.timeline.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The running bot: database, outbox worker, Bolt app, HTTP server (and Socket Mode client when an
 * app token is configured). Wiring only.
 */
public final class Bot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);

    private final Config config;
    private final OpeningStorage storage;
    private final OutboxWorker outbox;
    private final App app;
    private final HttpFrontEnd http;
    private final ExecutorService afterAck;
    private SocketModeApp socketMode;
    private volatile boolean closed;
    private final Backfill backfill;
    private final Duration firstSweep;
    private final ScheduledExecutorService sweeper;
    /** How often open incidents' channels are swept for messages no event brought. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

    /**
     * Starts opening the database (migrating it) in the background and builds everything else
     * meanwhile; call {@link #start()} to serve.
     *
     * @param config validated configuration
     * @param clock  time source
     * @param policy outbox retry policy
     */
    public Bot(Config config, Clock clock, OutboxWorker.Policy policy) {
        this(config, clock, policy, Duration.ofSeconds(2));
    }

    /**
     * As {@link #Bot(Config, Clock, OutboxWorker.Policy)}, with the delay from start to the first
     * catch-up sweep (tests that count Web API calls push it out of their way).
     */
    public Bot(Config config, Clock clock, OutboxWorker.Policy policy, Duration firstSweep) {
        this.firstSweep = firstSweep;
        this.config = config;
        this.storage = new OpeningStorage(config.database());
        Slack slack = slack(config.apiUrl());
        BotIdentity identity = new BotIdentity(config.botToken());
        MethodsClient client = slack.methods(config.botToken());
        PostmortemService drafts = new PostmortemService(storage, new SlackUserDirectory(client), clock, config.timezone());
        Function<OutboxJob, JobHandler.Outcome> postmortem = new PostmortemPublisher(client, new io.incidentbot.outbox.Deliveries(storage),
                drafts)::publish;
        JobHandler handler = new SlackJobHandler(slack, config.botToken(), new io.incidentbot.outbox.Deliveries(storage), config.channelPrefix(),
                config.announceChannel(), postmortem, identity::botUserId);
        this.outbox = new OutboxWorker(storage, handler, clock, Executors.newFixedThreadPool(4, daemon("outbox")), policy);
        IncidentService incidents = new IncidentService(storage, clock, config.announceChannel() != null, outbox::wakeup);
        this.afterAck = Executors.newFixedThreadPool(2, daemon("after-ack"));
        TimelineService timeline = new TimelineService(storage, clock, config.keyEventEmoji());
        this.app = SlackApp.build(slack, config.botToken(), config.socketMode() ? null : config.signingSecret(), identity,
                incidents, clock, config.timezone(), afterAck, a -> a.use(new TimelineEvents(timeline)));
        identity.resolveInBackground(client);
        this.backfill = new Backfill(client, incidents, timeline, identity::botUserId, identity::botId);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("backfill"));
        this.http = new HttpFrontEnd(config.port(), config.socketMode() ? null : app, config.signingSecret(), clock,
                this::health);
    }

    /** @return an SDK instance whose Web API base URL is {@code apiUrl}, with bounded timeouts */
    static Slack slack(String apiUrl) {
        SlackConfig sc = new SlackConfig();
        sc.setMethodsEndpointUrlPrefix(apiUrl);
        sc.setHttpClientReadTimeoutMillis(10_000);
        sc.setHttpClientWriteTimeoutMillis(10_000);
        sc.setHttpClientCallTimeoutMillis(15_000);
        sc.setPrettyResponseLoggingEnabled(false);
        sc.setFailOnUnknownProperties(false);
        return Slack.getInstance(sc);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts the HTTP server, waits for the database, then starts the outbox worker, the catch-up
     * sweeps and, with an app token, Socket Mode. Requests that arrive before the database is ready
     * wait for it.
     *
     * @throws RuntimeException when the database cannot be opened or migrated
     */
    public Bot start() throws Exception {
        app.start();
        http.start();
        storage.ready();
        outbox.start();
        sweeper.scheduleWithFixedDelay(backfill::sweepQuietly, firstSweep.toMillis(), SWEEP_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        if (config.socketMode()) {
            connectSocketMode();
            log.info("incident-bot serving Slack over Socket Mode; /healthz on port {}", http.port());
        } else {
            log.info("incident-bot listening on port {} (POST /slack/events, GET /healthz)", http.port());
        }
        return this;
    }

    /**
     * Opens the Socket Mode connection ({@code apps.connections.open}, then a WebSocket) in the
     * background, retrying with backoff up to a minute apart while Slack cannot be reached.
     */
    private void connectSocketMode() {
        UntilDone.start("socket-mode-connect", () -> {
            if (closed) {
                return true;
            }
            try {
                SocketModeApp sm = new SocketModeApp(config.appToken(), app);
                sm.startAsync();
                synchronized (this) {
                    if (closed) {
                        sm.close();
                        return true;
                    }
                    socketMode = sm;
                }
                log.info("Socket Mode connected");
                return true;
            } catch (Exception e) {
                log.warn("Socket Mode connection failed ({}); retrying", e.toString());
                return false;
            }
        });
    }

    /**
     * Sweeps open incidents' channels now for messages that never arrived as events (as at start and
     * every {@link #SWEEP_INTERVAL}).
     *
     * @return messages read from Slack
     */
    public int catchUp() {
        return backfill.sweep();
    }

    /** @return the HTTP port */
    public int port() {
        return http.port();
    }

    /** @return the database */
    public Storage storage() {
        return storage;
    }

    private HttpFrontEnd.Health health() {
        try {
            long pending = storage.transaction(r -> r.outbox().pendingCount());
            var failed = storage.transaction(r -> r.outbox().failed(10));
            StringBuilder f = new StringBuilder("[");
            for (var j : failed) {
                if (f.length() > 1) {
                    f.append(',');
                }
                f.append(Payload.of("incident", j.incident(), "kind", j.kind().name(), "error", j.error(),
                        "failedAt", j.failedAt().toString()));
            }
            f.append(']');
            return new HttpFrontEnd.Health(true, "{\"status\":\"ok\",\"outboxPending\":" + pending
                    + ",\"outboxFailed\":" + f + "}");
        } catch (RuntimeException e) {
            log.error("health check failed", e);
            return new HttpFrontEnd.Health(false, "{\"status\":\"database unavailable\"}");
        }
    }

    /** SIGTERM path: stop taking requests, finish those in flight, stop the worker, close the database. */
    @Override
    public void close() {
        SocketModeApp socketMode;
        synchronized (this) {
            closed = true;
            socketMode = this.socketMode;
        }
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                log.warn("socket mode close failed", e);
            }
        }
        http.close();
        sweeper.shutdownNow();
        afterAck.shutdown();
        outbox.stop(Duration.ofSeconds(10));
        try {
            app.stop();
        } catch (Exception e) {
            log.warn("app stop failed", e);
        }
        storage.close();
        log.info("incident-bot stopped");
    }
}
