package io.incidentbot.pager;

import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.store.Storage;
import io.incidentbot.pager.oncall.EscalationDms;
import io.incidentbot.pager.oncall.OncallPolicy;
import io.incidentbot.pager.oncall.SlackEscalation;
import com.slack.api.methods.MethodsClient;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * @param escalation the Slack escalation (its {@code sendDue} runs every 10 s), or null when the bot does not escalate in Slack
 * @param oncall     the on-call file (for {@code /incident oncall}), or null
 */
public record PagerIntegration(PagerSubscriber subscriber, List<JobRoutes> routes, PagePlanner planner,
                               SlackEscalation escalation, OncallPolicy oncall) {

    /**
     * @param settings the pager settings
     * @param transactions units of work (pages live in their storage)
     * @param clock        the bot's clock
     * @param slack        Web API client with the bot token (the escalation's direct messages)
     * @return the integration
     */
    public static PagerIntegration of(PagerSettings settings, Transactions transactions, Clock clock, MethodsClient slack) {
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
        SlackEscalation escalation = !settings.slackEscalation() ? null
                : new SlackEscalation(settings.oncall(), settings.pageRepeat(), storage, clock);
        List<JobRoutes> routes = new ArrayList<>(PagerSubscriber.routes(new PageDelivery(pagers, transactions), settings.pagers(),
                new PageFailures(transactions)));
        if (escalation != null) {
            routes.add(new EscalationDms(slack, transactions).routes());
        }
        return new PagerIntegration(new PagerSubscriber(planner, escalation, settings.alertInvite()), routes, planner, escalation, settings.oncall());
    }

    /** Sends the Slack escalation steps due now (the bot's periodic task); nothing when it does not escalate in Slack. */
    public void sendDueQuietly() {
        if (escalation != null) {
            escalation.sendDueQuietly();
        }
    }
}
