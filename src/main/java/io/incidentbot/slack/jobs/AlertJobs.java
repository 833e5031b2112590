package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.AlertPosts;
import io.incidentbot.store.AlertRepository.StoredTransition;

import java.util.List;
import java.util.Optional;

/**
 * Delivers the Slack jobs of the webhooks (issue 12): {@link SlackJob.Kind#ALERT_GROUP} (the alert group's message in
 * {@code INCIDENT_ALERTS_CHANNEL}, posted with {@code chat.postMessage} once and then updated in place
 * with {@code chat.update}, or a digest of new alerts in its incident channel) and
 * {@link SlackJob.Kind#POST_CHANGES} (the changes before a new incident, in its channel).
 */
public final class AlertJobs {
    private final MethodsClient client;
    private final Posts posts;
    private final Deliveries deliveries;
    private final AlertDeliveries alerts;
    private final String alertsChannel;

    /**
     * @param client        Web API client with the bot token
     * @param deliveries    reads incidents
     * @param alerts        takes alert group jobs and records Slack's answers
     * @param alertsChannel {@code INCIDENT_ALERTS_CHANNEL}, or null
     */
    public AlertJobs(MethodsClient client, Deliveries deliveries, AlertDeliveries alerts, String alertsChannel) {
        this.client = client;
        this.posts = new Posts(client);
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.alertsChannel = alertsChannel;
    }

    /** Posts the changes before a new incident into its channel. */
    public Outcome changes(OutboxJob job, SlackJob.ChangesPost p) {
        Optional<Incident> inc = deliveries.incident(job.incident());
        if (inc.isEmpty() || inc.get().channelId() == null) {
            return Outcome.fail("no_incident_channel");
        }
        return posts.post(job, inc.get().channelId(),
                AlertPosts.changesOnDeclare(p.window(), p.changes(), p.total(), inc.get().declaredAt()));
    }

    /** Brings the alert group's Slack message up to date, or posts its digest in its incident channel. */
    public Outcome alertGroup(OutboxJob job, SlackJob.AlertGroup p) {
        Optional<AlertDeliveries.Snapshot> taken = alerts.take(p.group());
        if (taken.isEmpty()) {
            return Outcome.done();
        }
        AlertDeliveries.Snapshot s = taken.get();
        if (s.incident().isPresent()) {
            return digest(job, s, s.incident().get());
        }
        if (alertsChannel == null) {
            return Outcome.done();
        }
        var g = s.group();
        String text = AlertPosts.groupText(g.title(), s.alerts());
        var blocks = AlertPosts.groupBlocks(g.id(), g.title(), s.alerts());
        if (g.messageTs() == null) {
            SlackCalls.Result<String> posted = posts.postOnce(job, alertsChannel, text, blocks);
            if (posted.failure() != null) {
                return posted.failure();
            }
            alerts.messagePosted(g.id(), posted.response());
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update", () -> client.chatUpdate(req -> req
                .channel(alertsChannel).ts(g.messageTs()).text(io.incidentbot.slack.render.UserText.outgoing(text)).blocks(blocks)));
        return r.ok() ? Outcome.done() : SlackCalls.failed("chat.update", r);
    }

    private Outcome digest(OutboxJob job, AlertDeliveries.Snapshot s, Incident incident) {
        if (incident.channelId() == null) {
            // The incident's channel is still being created (its own jobs run in another lane): wait.
            return Outcome.retry("no_incident_channel", null);
        }
        List<StoredTransition> fresh = s.fresh();
        if (fresh.isEmpty()) {
            return Outcome.done();
        }
        Outcome o = posts.post(job, incident.channelId(),
                AlertPosts.digest(fresh, s.freshTotal(), s.group().postedThrough() > 0));
        if (o.type() == Outcome.Type.DONE) {
            alerts.digestPosted(s.group().id(), fresh.get(fresh.size() - 1).id());
        }
        return o;
    }
}
