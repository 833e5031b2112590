package io.incidentbot.pager;

import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.store.Storage;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pager integration as the wiring ({@code Bot}) registers it: its {@link PagerSubscriber} and one
 * {@link JobRoutes} per external pager set, built from {@link PagerSettings}, with one OkHttp client (5 s to
 * connect, 20 s per call) for all pagers.
 *
 * @param subscriber the incident event subscriber
 * @param routes     the pagers' routing tables (empty when no pager is set)
 * @param planner    decides pages (for {@code /incident page})
 */
public record PagerIntegration(PagerSubscriber subscriber, List<JobRoutes> routes, PagePlanner planner) {

    /**
     * @param settings the pager settings
     * @param transactions units of work (pages live in their storage)
     * @param clock        the bot's clock
     * @return the integration
     */
    public static PagerIntegration of(PagerSettings settings, Transactions transactions, Clock clock) {
        Storage storage = transactions.storage();
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(20))
                .retryOnConnectionFailure(false).build();
        Map<PagerKind, Pager> pagers = new EnumMap<>(PagerKind.class);
        if (settings.pagerDutyRoutingKey() != null) {
            pagers.put(PagerKind.PAGERDUTY, new PagerDutyClient(settings.pagerDutyEventsUrl(), settings.pagerDutyRoutingKey(), http, clock));
        }
        if (settings.jsmOpsApiKey() != null) {
            pagers.put(PagerKind.JSM_OPS, new JsmOpsClient(settings.jsmOpsApiUrl(), settings.jsmOpsApiKey(), http, clock));
        }
        if (settings.goAlertUrl() != null) {
            pagers.put(PagerKind.GOALERT, new GoAlertClient(settings.goAlertUrl(), http, clock));
        }
        PagePlanner planner = new PagePlanner(settings);
        io.incidentbot.pager.oncall.SlackEscalation escalation = settings.oncall() == null ? null
                : new io.incidentbot.pager.oncall.SlackEscalation(settings.oncall(), settings.pageRepeat(), storage, clock);
        return new PagerIntegration(new PagerSubscriber(planner, escalation),
                PagerSubscriber.routes(new PageDelivery(pagers, storage), settings.pagers(),
                        new PageFailures(transactions)), planner);
    }
}
