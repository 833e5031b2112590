package io.incidentbot.slack.jobs;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobRoutes;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Slack adapter's routing table of job kinds ({@link SlackJob.Kind}), one {@link JobRoutes} for the
 * outbox worker, and what it tells the person concerned, through the slash command's {@code response_url},
 * when a job is given up. Payloads are read by {@link SlackJobs#read}, so jobs stored by earlier releases are
 * delivered too.
 */
public final class SlackJobRoutes {
    private final Deliveries deliveries;

    private SlackJobRoutes(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * @param slack           SDK instance (its config points at {@code SLACK_API_URL})
     * @param botToken        {@code xoxb-...}
     * @param deliveries      what the handlers need (read the incident, record Slack's answers)
     * @param channelPrefix   prefix of incident channel names, e.g. {@code inc}
     * @param announceChannel channel ID for announcements, or null
     * @param postmortem      delivers {@link SlackJob.Kind#POSTMORTEM} jobs
     * @param botUserId       the bot's user ID once {@code auth.test} answered (null before), to recognise
     *                        channels it created
     * @param alerts          reads alert groups and records Slack's answers for {@link SlackJob.Kind#ALERT_GROUP}
     * @param alertsChannel   {@code INCIDENT_ALERTS_CHANNEL}, or null
     * @return the routes of subscriber {@value SlackJobs#SUBSCRIBER}
     */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel) {
        return routes(slack, botToken, deliveries, channelPrefix, announceChannel, postmortem, botUserId, alerts,
                alertsChannel, false);
    }

    /** As above; {@code publish}: the status page is on, so headers show <em>Publish to status page</em>. */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel,
                                   boolean publish) {
        return routes(slack, botToken, deliveries, channelPrefix, announceChannel, postmortem, botUserId, alerts,
                alertsChannel, publish, AnnounceStyle.MESSAGES);
    }

    /** As above; {@code style}: {@code INCIDENT_ANNOUNCE_STYLE}. */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel,
                                   boolean publish, AnnounceStyle style) {
        return routes(slack, botToken, deliveries, channelPrefix, announceChannel, postmortem, botUserId, alerts,
                alertsChannel, publish, style, true);
    }

    /** As above; {@code trackers}: a tracker is set up, so follow-up messages offer <em>Create issue</em>. */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel,
                                   boolean publish, AnnounceStyle style, boolean trackers) {
        return routes(slack, botToken, deliveries, channelPrefix, announceChannel, postmortem, botUserId, alerts,
                alertsChannel, publish, style, trackers, PerIncident.NONE);
    }

    /**
     * As above; {@code perIncident}: what an integration adds per incident (the process file's types: the header's
     * fields, an announcement channel of their own).
     */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel,
                                   boolean publish, AnnounceStyle style, boolean trackers, PerIncident perIncident) {
        return routes(slack, botToken, deliveries, channelPrefix, announceChannel, postmortem, botUserId, alerts,
                alertsChannel, publish, style, trackers, perIncident, at -> java.util.List.of());
    }

    /**
     * As above; {@code oncallAt}: who is on call at a time (the on-call file's first step), to whom a lead reminder of
     * a channel with no human member goes when there is no alerts channel ({@link ReminderJob}).
     */
    public static JobRoutes routes(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                                   String announceChannel, Function<OutboxJob, Outcome> postmortem,
                                   Supplier<String> botUserId, AlertDeliveries alerts, String alertsChannel,
                                   boolean publish, AnnounceStyle style, boolean trackers, PerIncident perIncident,
                                   Function<java.time.Instant, java.util.List<String>> oncallAt) {
        MethodsClient client = slack.methods(botToken);
        Posts posts = new Posts(client);
        RespondJob respond = new RespondJob(slack);
        AlertJobs alertJobs = new AlertJobs(client, deliveries, alerts, alertsChannel);
        SlackJobRoutes t = new SlackJobRoutes(deliveries);
        java.util.function.LongFunction<String> draftLink = n -> deliveries.lastSent(n, "postmortem").orElse(null);
        return JobRoutes.of(SlackJobs.SUBSCRIBER)
                .route(SlackJob.Kind.CREATE_CHANNEL.name(), read(SlackJob.CreateChannel.class),
                        t.forIncident(new CreateChannelJob(client, deliveries, channelPrefix, botUserId)))
                .route(SlackJob.Kind.INVITE.name(), read(SlackJob.Invite.class), t.inChannel(new InviteJob(client)))
                .route(SlackJob.Kind.SYNC_TOPIC.name(), read(SlackJob.SyncTopic.class),
                        t.inChannel(new TopicJob(client, deliveries, perIncident.names())))
                .route(SlackJob.Kind.SYNC_HEADER.name(), read(SlackJob.SyncHeader.class),
                        t.inChannel(new HeaderJob(client, posts, deliveries, publish, perIncident)))
                .route(SlackJob.Kind.POST_CHANNEL.name(), read(SlackJob.ChannelPost.class),
                        t.inChannel(new ChannelPostJob(posts, deliveries, trackers, perIncident.names())))
                .route(SlackJob.Kind.SYNC_FOLLOW_UP.name(), read(SlackJob.SyncFollowUp.class),
                        t.inChannel(new FollowUpMessageJob(client, deliveries, trackers)))
                .route(SlackJob.Kind.POST_ACTION.name(), read(SlackJob.ActionPost.class),
                        t.inChannel(ChannelPostJob.action(posts, draftLink, perIncident.names())))
                .route(SlackJob.Kind.ANNOUNCE.name(), read(SlackJob.Announce.class), t.inChannel(new AnnounceJob(
                        posts, announceChannel, draftLink).threaded(style, client, deliveries).perIncident(perIncident)))
                .route(SlackJob.Kind.REMIND.name(), read(SlackJob.Remind.class), t.inChannel(new ReminderJob(posts, client, alertsChannel, oncallAt)
                        .names(perIncident.names())))
                .route(SlackJob.Kind.QUOTE.name(), read(SlackJob.Quote.class),
                        t.inChannel(new QuoteJob(client, posts, deliveries)))
                .route(SlackJob.Kind.POSTMORTEM.name(), read(SlackJob.Postmortem.class),
                        t.inChannel((job, inc, p) -> postmortem.apply(job)))
                .route(SlackJob.Kind.RESPOND.name(), read(SlackJob.Respond.class), (job, p) -> respond.deliver(p))
                .route(SlackJob.Kind.ALERT_GROUP.name(), read(SlackJob.AlertGroup.class), alertJobs::alertGroup)
                .route(SlackJob.Kind.POST_CHANGES.name(), read(SlackJob.ChangesPost.class), alertJobs::changes)
                .onFailed(t::failed);
    }

    private static <P extends SlackJob> Function<OutboxJob, P> read(Class<P> type) {
        return job -> SlackJobs.read(job, type);
    }

    /** A route that reads the job's incident first; a job of an incident that does not exist fails. */
    private <P extends SlackJob> JobRoutes.Route<P> forIncident(KindHandler<P> handler) {
        return (job, payload) -> {
            Optional<Incident> found = deliveries.incident(job.incident());
            return found.isEmpty() ? Outcome.fail("no incident " + job.incident())
                    : handler.deliver(job, found.get(), payload);
        };
    }

    /** As {@link #forIncident}, and the incident's channel must exist ({@code no_incident_channel} otherwise). */
    private <P extends SlackJob> JobRoutes.Route<P> inChannel(KindHandler<P> handler) {
        return forIncident((job, incident, payload) -> incident.channelId() == null
                ? Outcome.fail("no_incident_channel") : handler.deliver(job, incident, payload));
    }

    private void failed(OutboxJob job, String error) {
        SlackJob.Kind kind = SlackJobs.kind(job);
        if ("no_incident_channel".equals(error) || kind == null || kind == SlackJob.Kind.RESPOND
                || kind == SlackJob.Kind.ALERT_GROUP || kind == SlackJob.Kind.POST_CHANGES) {
            return;
        }
        String url;
        try {
            SlackJob p = SlackJobs.read(job);
            url = p instanceof SlackJob.CreateChannel c ? c.responseUrl()
                    : p instanceof SlackJob.Invite i ? i.responseUrl()
                    : p instanceof SlackJob.SyncHeader h ? h.responseUrl() : null;
        } catch (Payloads.UnreadablePayloadException e) {
            return;
        }
        if (url == null) {
            return;
        }
        String what = switch (kind) {
            case CREATE_CHANNEL -> "create the channel for incident " + job.incident();
            case INVITE -> "invite you to the channel of incident " + job.incident();
            case SYNC_HEADER -> "post the header message of incident " + job.incident();
            default -> "update Slack for incident " + job.incident();
        };
        String text = ":warning: I could not " + what + ". Slack answered `" + error + "`. "
                + "The incident is recorded; an admin can check the app's scopes and the logs.";
        deliveries.enqueue(job.incident(), new SlackJob.Respond(url, text), job.createdAt());
    }
}
