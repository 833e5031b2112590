package io.incidentbot;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.slack.jobs.AlertDeliveries;
import io.incidentbot.alerts.AlertRouter;
import io.incidentbot.alerts.AlertService;
import io.incidentbot.changes.ChangeService;
import io.incidentbot.config.Config;
import io.incidentbot.hooks.HookHandler;
import io.incidentbot.slack.interactions.DeclareFromAlert;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Transactions;
import io.incidentbot.slack.jobs.SlackJobRoutes;
import io.incidentbot.slack.jobs.SlackSubscriber;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.Subscribers;
import io.incidentbot.outbox.OutboxWorker;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.ops.DatabaseGauges;
import io.incidentbot.ops.MeteredJobHandler;
import io.incidentbot.ops.Metrics;
import io.incidentbot.ops.MetricsServer;
import io.incidentbot.ops.OpsEndpoints;
import io.incidentbot.ops.RequestTraces;
import io.incidentbot.ops.SlackStatus;
import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.reminders.ReminderService;
import io.incidentbot.slack.interactions.HomeTabs;
import io.incidentbot.slack.interactions.Interactions;
import io.incidentbot.slack.web.BotIdentity;
import io.incidentbot.slack.http.RequestContext;
import io.incidentbot.slack.web.SlackTraffic;
import io.incidentbot.slack.http.HttpFrontEnd;
import io.incidentbot.slack.postmortem.DraftDeliveries;
import io.incidentbot.slack.postmortem.PostmortemPublisher;
import io.incidentbot.slack.SlackApp;
import io.incidentbot.slack.web.SlackSdk;
import io.incidentbot.slack.web.SlackUserDirectory;
import io.incidentbot.slack.socket.SocketModeConnection;
import io.incidentbot.slack.events.Backfill;
import io.incidentbot.slack.http.ReplayGuard;
import io.incidentbot.slack.events.TimelineEvents;
import io.incidentbot.storage.jdbi.OpeningStorage;
import io.incidentbot.store.Leader;
import io.incidentbot.store.Storage;
import io.incidentbot.timeline.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The running bot, wiring only: configuration -> database -> services -> Slack adapter -> HTTP server
 * (and the Socket Mode connection when an app token is configured). Its clock, threads and timings
 * come in as a {@link BotRuntime}.
 */
public final class Bot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Bot.class);
    /** How often the scheduler asks {@link BotIdentity#recheck} whether an {@code auth.test} is due. */
    static final Duration AUTH_RECHECK_TICK = Duration.ofSeconds(5);

    private final Config config;
    private final BotRuntime runtime;
    private final OpeningStorage storage;
    private final OutboxWorker outbox;
    private final App app;
    private final HttpFrontEnd http;
    private final Backfill backfill;
    private final SocketModeConnection socketMode;
    private final Leader leader;
    private final Metrics metrics = new Metrics();
    private final MetricsServer metricsServer;
    private final io.incidentbot.statuspage.StatusPageWiring statusPage;
    private final MethodsClient client;
    private final BotIdentity identity;
    private final SlackStatus slackStatus;
    private final ReminderService reminders;
    private final HomeTabs homeTabs;
    private final io.incidentbot.pager.PagerIntegration pager;
    private final io.incidentbot.trackers.slack.FollowUpReminderDms followUpReminders;

    /**
     * Starts opening the database (migrating it) in the background and builds everything else
     * meanwhile; call {@link #start()} to serve.
     *
     * @param config  validated configuration
     * @param runtime clock, executors (shut down by {@link #close()}) and timings
     */
    public Bot(Config config, BotRuntime runtime) {
        this.config = config;
        this.runtime = runtime;
        this.storage = new OpeningStorage(config.db(), config.dbTimeouts());
        this.leader = new Leader(storage, runtime.clock(), Leader.newHolderId());
        Clock clock = runtime.clock();
        this.slackStatus = new SlackStatus(clock);
        Slack slack = SlackSdk.forApi(config.apiUrl(), new SlackTraffic(config.apiUrl(), metrics, slackStatus));
        MethodsClient client = slack.methods(config.botToken());
        this.client = client;
        BotIdentity identity = new BotIdentity(config.botToken());
        this.identity = identity;
        RequestTraces traces = new RequestTraces();

        // --- services and Slack adapter ---
        Deliveries deliveries = new Deliveries(storage);
        PostmortemService drafts = new PostmortemService(storage, new SlackUserDirectory(client), clock, config.timezone(),
                new io.incidentbot.postmortem.StoredAlerts(), config.hooks().changeWindow()).using(config.postmortem())
                .relatedBy(new io.incidentbot.trackers.seen.draft.SeenBeforeRelated(new io.incidentbot.trackers.seen.SeenBeforeSource(config.hooks().changeWindow())));
        Function<OutboxJob, JobHandler.Outcome> postmortem = new PostmortemPublisher(client, deliveries,
                drafts, new DraftDeliveries(storage, clock))::publish;
        AlertDeliveries alertDeliveries = new AlertDeliveries(storage, clock);
        Transactions transactions = new Transactions(storage, java.util.List.of(), clock);
        Subscribers subscribers = new Subscribers(java.util.List.of());
        this.outbox = new OutboxWorker(storage, new MeteredJobHandler(subscribers, metrics), clock,
                runtime.outboxThreads(), runtime.outboxPolicy(), leader.holder(), config.db().lease());
        transactions.afterEachCommit(outbox::wakeup);
        // --- integrations: each one registers its IncidentSubscriber and its JobRoutes, one line each ---
        io.incidentbot.slack.jobs.PerIncident types = io.incidentbot.process.slack.TypeExtras.of(config.process(), storage);
        integrate(transactions, subscribers, new SlackSubscriber(config.announceChannel() != null || types.announces(),
                config.hooks().changeWindow()), SlackJobRoutes.routes(slack, config.botToken(), deliveries,
                config.channelPrefix(), config.announceChannel(), postmortem, identity::botUserId, alertDeliveries,
                config.hooks().alertsChannel(), config.statusPage().publishing(), config.announceStyle(),
                config.trackers().provider() != null, types, config.pager()::oncallAt));
        io.incidentbot.pager.PagerIntegration pager = io.incidentbot.pager.PagerIntegration.of(config.pager(), transactions, clock, client);
        this.pager = pager;
        transactions.subscribe(pager.subscriber());
        pager.routes().forEach(subscribers::add);
        io.incidentbot.trackers.TrackerSubscriber trackers = io.incidentbot.trackers.TrackerSubscriber.of(config.trackers(), transactions, clock);
        integrate(transactions, subscribers, trackers, trackers.routes());
        io.incidentbot.trackers.seen.slack.SeenBeforeSubscriber seen = new io.incidentbot.trackers.seen.slack.SeenBeforeSubscriber(storage,
                new io.incidentbot.trackers.seen.SeenBeforeSource(config.hooks().changeWindow()), clock, config.timezone());
        integrate(transactions, subscribers, seen, seen.routes());
        // --- end of integrations ---
        io.incidentbot.reminders.ReminderPolicies reminderPolicies = io.incidentbot.process.TypeReminders.of(config.process(), config.reminders());
        IncidentService incidents = new IncidentService(transactions, new io.incidentbot.ops.AuditTrail(metrics, identity::botUserId),
                new ReminderSchedule(config.reminders(), reminderPolicies), config.hooks().changeWindow());
        io.incidentbot.process.ProcessService process = io.incidentbot.process.ProcessService.of(config.process(), storage, transactions, incidents);
        if (process != null) { // the checklist subscriber: its message jobs, after the change's other subscribers
            integrate(transactions, subscribers, new io.incidentbot.process.checklist.ChecklistSubscriber(process.process()),
                    new io.incidentbot.process.slack.ChecklistMessages(client, storage, process.process()).routes());
            transactions.subscribe(new io.incidentbot.process.TypeInvites(process.process()));
        }
        this.reminders = new ReminderService(transactions, reminderPolicies, metrics::reminderSent);
        this.homeTabs = new HomeTabs(new io.incidentbot.slack.interactions.HomeViews(storage), incidents.queries(), client, clock,
                config.timezone()).names(types.names());
        TimelineService timeline = new TimelineService(storage, clock, config.keyEventEmoji());
        AlertService alerts = new AlertService(transactions, incidents, new AlertRouter(config.hooks().declareWhen(),
                config.hooks().alertsChannel() != null, clock), identity::botUserId, config.alertCaps());
        RequestContext requests = new RequestContext(metrics, traces);
        io.incidentbot.trackers.FollowUps followUps = new io.incidentbot.trackers.FollowUps(transactions, config.trackers());
        this.followUpReminders = new io.incidentbot.trackers.slack.FollowUpReminderDms(client, storage, incidents.queries(),
                config.trackers(), clock, config.timezone());
        subscribers.add(followUpReminders.routes());
        TimelineEvents timelineEvents = new TimelineEvents(timeline, metrics, identity::botUserId, identity::botId);
        this.statusPage = io.incidentbot.statuspage.StatusPageWiring.create(config.statusPage(), storage, clock, config.timezone(), outbox::wakeup);
        io.incidentbot.statuspage.StatusPageService publishing = config.statusPage().publishing() ? statusPage.service() : null;
        this.app = SlackApp.build(slack, config.botToken(), identity,
                incidents, clock, config.timezone(), runtime.afterAck(), a -> {
                    a.use(requests);
                    Interactions.register(a, incidents, reminders, homeTabs, config.announceChannel() != null,
                            runtime.afterAck(), publishing, () -> java.time.LocalDate.now(clock.withZone(config.timezone())),
                            io.incidentbot.process.slack.ChecklistResolve.of(process), types.names());
                    a.use(timelineEvents);
                    DeclareFromAlert.register(a, alertDeliveries, alerts, runtime.afterAck());
                    io.incidentbot.slack.interactions.UsergroupSuggestions.register(a, new io.incidentbot.slack.web.SlackUsergroups(client, clock));
                    io.incidentbot.slack.milestones.TimestampsSubmission.register(a, incidents, new io.incidentbot.milestones.MilestoneCorrections(transactions, config.timezone()), runtime.afterAck());
                    io.incidentbot.trackers.slack.FollowUpButtons.register(a, followUps, incidents.queries(), runtime.afterAck());
                    io.incidentbot.pager.oncall.EscalationButtons.register(a, transactions, pager.escalation(), runtime.afterAck());
                    io.incidentbot.pager.PageOncallButton.register(a, incidents, transactions, pager, runtime.afterAck());
                    io.incidentbot.process.slack.ProcessInteractions.register(a, process, runtime.afterAck());
                }, io.incidentbot.process.slack.ProcessCommands.with(integrationCommands(transactions, pager, incidents, publishing, clock,
                        r -> new io.incidentbot.trackers.slack.FollowUpsCommand(followUps, incidents.queries(), storage, clock, config.timezone())),
                        process), types.names());
        this.backfill = new Backfill(client, incidents.queries(), timeline, identity::botUserId, identity::botId);
        java.util.Map<String, io.incidentbot.hooks.HookRoute> hookRoutes = new java.util.HashMap<>(
                new io.incidentbot.pager.PagerHooks(config.pager(), transactions, clock).routes());
        hookRoutes.putAll(new io.incidentbot.trackers.hooks.TrackerHooks(config.trackers(),
                new io.incidentbot.trackers.hooks.TrackerInbound(transactions)).routes());
        HookHandler hooks = new HookHandler(config.hooks(), alerts, new ChangeService(storage, clock), clock,
                metrics::hookNotification, hookRoutes);
        io.incidentbot.store.Retention retention = new io.incidentbot.store.Retention(storage, clock);
        runtime.scheduler().scheduleWithFixedDelay(retention::pruneQuietly, 60_000,
                io.incidentbot.store.Retention.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        // --- end of services and Slack adapter ---

        identity.resolveInBackground(client);
        this.socketMode = config.socketMode() ? new SocketModeConnection(config.appToken(), app) : null;
        HealthReport readiness = new HealthReport(storage, clock, slackStatus,
                socketMode == null ? null : socketMode::connected, java.util.List.of(outbox::problem));
        this.http = new HttpFrontEnd(config.port(), config.socketMode() ? null : app, config.signingSecret(), clock,
                readiness::summary, new ReplayGuard(new io.incidentbot.store.RequestReplays(storage), clock), requests.around(timelineEvents));
        metrics.readiness(() -> readiness.get().healthy());
        OpsEndpoints.bind(http.server(), config.ops().bindAddress());
        OpsEndpoints.mount(http.server(), readiness::summary, metrics, traces);
        this.metricsServer = new MetricsServer(config.ops().metricsBind(), config.ops().metricsPort(), metrics, readiness);
        http.mount("/hooks/*", hooks);
        statusPage.mount(http);
        integrate(transactions, subscribers, statusPage.subscriber(), statusPage.routes());
        new DatabaseGauges(metrics, storage, clock, Duration.ofSeconds(5),
                io.incidentbot.slack.jobs.JobMethods.series(subscribers.names()), io.incidentbot.slack.jobs.JobMethods::first);
    }

    /**
     * Registers an integration: {@code subscriber} gets every incident event inside the transaction that
     * recorded it; {@code routes} delivers the jobs it enqueues (subscriber {@link JobRoutes#subscriber()}).
     */
    private static void integrate(Transactions transactions, Subscribers subscribers,
                                  io.incidentbot.incident.IncidentSubscriber subscriber, JobRoutes routes) {
        transactions.subscribe(subscriber);
        subscribers.add(routes);
    }

    /**
     * Starts the HTTP server, waits for the database, then starts the outbox worker, the catch-up
     * sweeps and, with an app token, Socket Mode. Requests that arrive before the database is ready
     * wait for it.
     *
     * @return this bot
     * @throws RuntimeException when the database cannot be opened or migrated
     * @throws Exception        when the HTTP server cannot listen
     */
    public Bot start() throws Exception {
        app.start();
        if (metricsServer != null) {
            metricsServer.start();
        }
        http.start();
        storage.ready();
        statusPage.start();
        // A kill -9'd holder's job and periodic-work leases are taken at once, not after they expire.
        io.incidentbot.store.LeaseTakeover takeover = new io.incidentbot.store.LeaseTakeover(storage,
                runtime.clock(), !config.db().postgres(), outbox::wakeup);
        takeover.runQuietly();
        runtime.scheduler().scheduleWithFixedDelay(takeover::runQuietly, 5, 5, TimeUnit.SECONDS);
        outbox.start();
        // One replica sweeps at a time: every replica ticks every lease/3, the lease holder sweeps every
        // sweepInterval, and another replica takes over (and sweeps at once) when the holder dies.
        Duration lease = config.db().lease();
        runtime.scheduler().scheduleWithFixedDelay(leader.every("backfill", runtime.sweepInterval(), lease,
                        backfill::sweepQuietly), runtime.firstSweep().toMillis(), lease.dividedBy(3).toMillis(),
                TimeUnit.MILLISECONDS);
        // Reminders and Home tabs run on every replica: each reminder and each publish is claimed with a
        // conditional UPDATE in the database, so only one replica sends it.
        long check = runtime.checkInterval().toMillis();
        runtime.scheduler().scheduleWithFixedDelay(reminders::sendDueQuietly, check / 2, check, TimeUnit.MILLISECONDS);
        runtime.scheduler().scheduleWithFixedDelay(pager::sendDueQuietly, check / 2, check, TimeUnit.MILLISECONDS);
        runtime.scheduler().scheduleWithFixedDelay(followUpReminders::sendDueQuietly, check / 2, check, TimeUnit.MILLISECONDS);
        runtime.scheduler().scheduleWithFixedDelay(homeTabs::refreshQuietly, 30, 30, TimeUnit.SECONDS);
        runtime.scheduler().scheduleWithFixedDelay(() -> identity.recheck(client, slackStatus.needsAuthCheck()),
                AUTH_RECHECK_TICK.toMillis(), AUTH_RECHECK_TICK.toMillis(), TimeUnit.MILLISECONDS);
        String metricsWhere = "GET /metrics and /readyz with details on " + config.ops().metricsBind() + ":"
                + metricsServer.port();
        if (socketMode != null) {
            socketMode.start();
            log.info("incident-bot {} serving Slack over Socket Mode; /livez, /readyz, /healthz on port {}; {}",
                    Version.current(), http.port(), metricsWhere);
        } else {
            log.info("incident-bot {} listening on port {} (POST /slack/events, GET /livez, /readyz, /healthz); {}",
                    Version.current(), http.port(), metricsWhere);
        }
        return this;
    }

    /**
     * Sweeps open incidents' channels now for messages that never arrived as events (as at start and
     * every {@link BotRuntime#sweepInterval()}).
     *
     * @return messages read from Slack
     */
    public int catchUp() {
        return backfill.sweep();
    }

    /** @return the port of {@code GET /metrics} ({@code METRICS_PORT}; a free one when it is 0) */
    public int metricsPort() {
        return metricsServer.port();
    }

    /** Sends the reminders due now (as the periodic check every {@link BotRuntime#checkInterval} does). @return how many were queued */
    public int sendDueReminders() {
        return reminders.sendDue();
    }

    /**
     * Sends the Slack escalation steps due now (as the periodic check every {@link BotRuntime#checkInterval} does).
     *
     * @return how many steps this replica claimed; 0 when the bot does not escalate in Slack
     */
    public int sendDueEscalations() {
        return pager.escalation() == null ? 0 : pager.escalation().sendDue().size();
    }

    /** @return the status page's own port ({@code INCIDENT_STATUS_PAGE_PORT}), or -1 when it is on the HTTP port or off */
    public int statusPagePort() {
        return statusPage.port();
    }

    /** @return the HTTP port */
    public int port() {
        return http.port();
    }

    /** @return the database */
    public Storage storage() {
        return storage;
    }

    /** SIGTERM path: stop taking requests, finish those in flight, stop the worker, close the database. */
    @Override
    public void close() {
        if (socketMode != null) {
            socketMode.close();
        }
        http.close();
        statusPage.close();
        if (metricsServer != null) {
            metricsServer.close();
        }
        runtime.scheduler().shutdownNow();
        runtime.afterAck().shutdown();
        outbox.stop(Duration.ofSeconds(10));
        leader.release("backfill");
        try {
            app.stop();
        } catch (Exception e) {
            log.warn("app stop failed", e);
        }
        storage.close();
        log.info("incident-bot stopped");
    }

    /**
     * The {@code /incident} subcommands integrations add after the standard ones: the trackers' {@code followups},
     * the pager's {@code page} and, when publishing is on, the status page's {@code publish}, {@code components} and {@code maintenance}.
     *
     * @param publishing the status page's use cases, or null when publishing is off
     */
    private static java.util.List<java.util.function.Function<io.incidentbot.slack.commands.Routes, io.incidentbot.slack.commands.Subcommand>>
            integrationCommands(Transactions transactions, io.incidentbot.pager.PagerIntegration pager,
                                IncidentService incidents, io.incidentbot.statuspage.StatusPageService publishing,
                                java.time.Clock clock,
                                java.util.function.Function<io.incidentbot.slack.commands.Routes, io.incidentbot.slack.commands.Subcommand> followUps) {
        java.util.List<java.util.function.Function<io.incidentbot.slack.commands.Routes, io.incidentbot.slack.commands.Subcommand>> extra =
                new java.util.ArrayList<>(java.util.List.of(followUps));
        extra.add(r -> new io.incidentbot.pager.PageCommand(transactions, pager));
        extra.add(r -> new io.incidentbot.slack.milestones.TimestampsCommand(incidents, new io.incidentbot.milestones.MilestoneCorrections(transactions)));
        extra.add(r -> new io.incidentbot.pager.oncall.OncallCommand(pager.oncall(), clock));
        if (publishing != null) {
            extra.add(r -> new io.incidentbot.statuspage.slack.PublishCommand(incidents, publishing));
            extra.add(r -> new io.incidentbot.statuspage.slack.ComponentsSubcommand(publishing));
            extra.add(r -> new io.incidentbot.statuspage.slack.MaintenanceCommand(publishing, clock));
        }
        return extra;
    }
}
