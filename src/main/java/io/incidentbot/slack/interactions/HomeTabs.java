package io.incidentbot.slack.interactions;

import com.slack.api.app_backend.events.payload.AppHomeOpenedPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.StatsService;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.HomeTab;
import io.incidentbot.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import io.incidentbot.incident.Incident;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The App Home tab (open incidents, recent resolutions, and the last 90 days' insights as
 * {@code /incident stats} shows them): {@code app_home_opened} (tab {@code home}) publishes the user's view with
 * {@code views.publish}; {@link #refresh} (periodic) republishes it for users who opened it in the last
 * day when its content changed, at most once a minute per user. What was published when is in the
 * database ({@code home_view}), claimed with a conditional update, so replicas do not publish twice.
 */
public final class HomeTabs {
    /** Users who opened their Home tab this long ago or less get it republished on changes. */
    public static final Duration FOLLOW_FOR = Duration.ofDays(1);
    /** At most one publish per user per this interval. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(HomeTabs.class);

    /**
     * The insights on the tab are computed as of the start of the hour (a ticking clock): shown "as of
     * now" their longest-open ages ({@code open 3 h 10 min}) would change the view every minute and
     * {@link #refresh} would republish it to every follower once a minute while any incident is open.
     */
    public static final Duration INSIGHTS_TICK = Duration.ofHours(1);

    private final HomeViews views;
    private final IncidentQueries queries;
    private final MethodsClient client;
    private final Clock clock;
    private final ZoneId zone;
    private io.incidentbot.slack.render.Names names = io.incidentbot.slack.render.Names.CODES;

    /**
     * @param views   who opened their tab, and what was published to them
     * @param queries what the tab shows: incidents and insights
     * @param client  Web API client with the bot token ({@code views.publish} needs no scope)
     * @param clock   time source
     * @param zone    zone the insights' weeks are counted in ({@code INCIDENT_TIMEZONE})
     */
    public HomeTabs(HomeViews views, IncidentQueries queries, MethodsClient client, Clock clock, ZoneId zone) {
        this.views = views;
        this.queries = queries;
        this.client = client;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param names what the process file calls severities and roles (issue 25), in the tab's incident lines
     * @return these tabs
     */
    public HomeTabs names(io.incidentbot.slack.render.Names names) {
        this.names = names;
        return this;
    }

    void register(App app, Executor afterAck) {
        // A middleware, not app.event(...): the timeline capture middleware acknowledges every event
        // without passing it on, so this must run before it (Interactions.register is called first).
        app.use((req, resp, chain) -> {
            if (!(req instanceof EventRequest er) || !"app_home_opened".equals(er.getEventType())) {
                return chain.next(req);
            }
            AppHomeOpenedEvent e = GsonFactory.createSnakeCase()
                    .fromJson(req.getRequestBodyAsString(), AppHomeOpenedPayload.class).getEvent();
            if (e != null && e.getUser() != null && (e.getTab() == null || "home".equals(e.getTab()))) {
                String user = e.getUser();
                Instant now = clock.instant();
                views.opened(user, now);
                afterAck.execute(() -> publish(user, now));
            }
            return Response.ok();
        });
        app.blockAction(HomeTab.DECLARE, (req, ctx) -> {
            String trigger = req.getPayload().getTriggerId();
            afterAck.execute(() -> {
                try {
                    var r = ctx.client().viewsOpen(v -> v.triggerId(trigger).view(DeclareModal.build(null)));
                    if (!r.isOk()) {
                        log.error("views.open of the declare modal from the Home tab failed: {}", r.getError());
                    }
                } catch (Exception ex) {
                    log.error("views.open of the declare modal from the Home tab failed: {}", ex.toString());
                }
            });
            return ctx.ack();
        });
    }

    /**
     * Republishes the Home tab of every user who opened it within {@link #FOLLOW_FOR} and whose view
     * changed, skipping those published less than {@link #MIN_INTERVAL} ago (they get it at a later run).
     *
     * @return how many views were published
     */
    public int refresh() {
        Instant now = clock.instant();
        List<String> users = views.openedSince(now.minus(FOLLOW_FOR));
        int published = 0;
        IncidentStats stats = users.isEmpty() ? null : insights(now);
        for (String user : users) {
            if (publishIfChanged(user, now, now.minus(MIN_INTERVAL), stats)) {
                published++;
            }
        }
        return published;
    }

    /** {@link #refresh} for a scheduler: logs failures instead of throwing. */
    public void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            StorageUnavailableException.warnUnlessOutage(log, e, "Home tab refresh failed; trying again at the next one: {}");
        }
    }

    private void publish(String user, Instant now) {
        publishIfChanged(user, now, now, insights(now));
    }

    /** @return the last {@link StatsService#DEFAULT_WINDOW}'s insights as of the start of {@code now}'s hour */
    private IncidentStats insights(Instant now) {
        long tick = INSIGHTS_TICK.toSeconds();
        return queries.stats(StatsService.DEFAULT_WINDOW, zone, Instant.ofEpochSecond(now.getEpochSecond() / tick * tick));
    }

    /** @param stats the insights, the same for every user (private incidents are never named in them) */
    private boolean publishIfChanged(String user, Instant now, Instant notAfter, IncidentStats stats) {
        List<Incident> open = queries.listOpenVisibleTo(user);
        View view = HomeTab.view(user, open, queries.listResolvedVisibleTo(user, HomeTab.RESOLVED_SHOWN),
                queries.openedByAlerts(open), stats, names);
        io.incidentbot.trackers.slack.FollowUpLines.home(view.getBlocks(), views.openFollowUps(user)
                .stream().filter(f -> queries.findVisible(f.incident(), user).isPresent()).toList(),
                java.time.LocalDate.ofInstant(now, zone));
        String hash = hash(GsonFactory.createSnakeCase().toJson(view));
        if (!views.claimPublish(user, now, notAfter, hash)) {
            return false;
        }
        SlackCalls.Result<?> r = SlackCalls.run("views.publish", () -> client.viewsPublish(req -> req.userId(user).view(view)));
        if (!r.ok()) {
            log.warn("views.publish for {} failed: {}", user, r.failure());
            return false;
        }
        return true;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
