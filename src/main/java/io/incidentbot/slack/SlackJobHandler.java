package io.incidentbot.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.Deliveries;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.JobPayloads;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.jobs.AnnounceJob;
import io.incidentbot.slack.jobs.ChannelPostJob;
import io.incidentbot.slack.jobs.CreateChannelJob;
import io.incidentbot.slack.jobs.HeaderJob;
import io.incidentbot.slack.jobs.InviteJob;
import io.incidentbot.slack.jobs.KindHandler;
import io.incidentbot.slack.jobs.Posts;
import io.incidentbot.slack.jobs.RespondJob;
import io.incidentbot.slack.jobs.TopicJob;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Routes each outbox job to the handler of its kind (slack/jobs) and tells the person concerned,
 * through the slash command's {@code response_url}, when a job is given up.
 */
public final class SlackJobHandler implements JobHandler {
    private final Deliveries deliveries;
    private final RespondJob respond;
    private final Map<OutboxJob.Kind, KindHandler<?>> handlers = new EnumMap<>(OutboxJob.Kind.class);

    /**
     * @param slack           SDK instance (its config points at {@code SLACK_API_URL})
     * @param botToken        {@code xoxb-...}
     * @param deliveries      the use cases the handlers need (read the incident, record Slack's answers)
     * @param channelPrefix   prefix of incident channel names, e.g. {@code inc}
     * @param announceChannel channel ID for announcements, or null
     * @param postmortem      delivers {@link OutboxJob.Kind#POSTMORTEM} jobs
     * @param botUserId       the bot's user ID once {@code auth.test} answered (null before), to recognise
     *                        channels it created
     */
    public SlackJobHandler(Slack slack, String botToken, Deliveries deliveries, String channelPrefix,
                           String announceChannel, Function<OutboxJob, Outcome> postmortem, Supplier<String> botUserId) {
        MethodsClient client = slack.methods(botToken);
        Posts posts = new Posts(client);
        this.deliveries = deliveries;
        this.respond = new RespondJob(slack);
        handlers.put(OutboxJob.Kind.CREATE_CHANNEL, new CreateChannelJob(client, deliveries, channelPrefix, botUserId));
        handlers.put(OutboxJob.Kind.INVITE, new InviteJob(client));
        handlers.put(OutboxJob.Kind.SYNC_TOPIC, new TopicJob(client, deliveries));
        handlers.put(OutboxJob.Kind.SYNC_HEADER, new HeaderJob(client, posts, deliveries));
        handlers.put(OutboxJob.Kind.POST_CHANNEL, new ChannelPostJob(posts));
        handlers.put(OutboxJob.Kind.ANNOUNCE, new AnnounceJob(posts, announceChannel,
                n -> deliveries.lastSent(n, "postmortem").orElse(null)));
        handlers.put(OutboxJob.Kind.REMIND, new io.incidentbot.slack.jobs.ReminderJob(posts));
        handlers.put(OutboxJob.Kind.QUOTE, new io.incidentbot.slack.jobs.QuoteJob(client, posts, deliveries));
        handlers.put(OutboxJob.Kind.POSTMORTEM, (KindHandler<JobPayload.Postmortem>) (job, inc, p) -> postmortem.apply(job));
    }

    /**
     * @throws JobPayloads.UnreadablePayloadException when the stored payload is not its kind's record
     *                                                (the worker marks the job failed)
     */
    @Override
    public Outcome handle(OutboxJob job) {
        JobPayload payload = JobPayloads.read(job);
        if (payload instanceof JobPayload.Respond r) {
            return respond.deliver(r);
        }
        Optional<Incident> found = deliveries.incident(job.incident());
        if (found.isEmpty()) {
            return Outcome.fail("no incident " + job.incident());
        }
        Incident incident = found.get();
        if (job.kind() != OutboxJob.Kind.CREATE_CHANNEL && incident.channelId() == null) {
            return Outcome.fail("no_incident_channel");
        }
        return deliver(handlers.get(job.kind()), job, incident, payload);
    }

    @SuppressWarnings("unchecked")
    private static <P extends JobPayload> Outcome deliver(KindHandler<P> handler, OutboxJob job, Incident incident,
                                                          JobPayload payload) {
        return handler.deliver(job, incident, (P) payload);
    }

    @Override
    public void failed(OutboxJob job, String error) {
        if ("no_incident_channel".equals(error) || job.kind() == OutboxJob.Kind.RESPOND) {
            return;
        }
        String url;
        try {
            JobPayload p = JobPayloads.read(job);
            url = p instanceof JobPayload.CreateChannel c ? c.responseUrl()
                    : p instanceof JobPayload.Invite i ? i.responseUrl()
                    : p instanceof JobPayload.SyncHeader h ? h.responseUrl() : null;
        } catch (JobPayloads.UnreadablePayloadException e) {
            return;
        }
        if (url == null) {
            return;
        }
        String what = switch (job.kind()) {
            case CREATE_CHANNEL -> "create the channel for incident " + job.incident();
            case INVITE -> "invite you to the channel of incident " + job.incident();
            case SYNC_HEADER -> "post the header message of incident " + job.incident();
            default -> "update Slack for incident " + job.incident();
        };
        String text = ":warning: I could not " + what + ". Slack answered `" + error + "`. "
                + "The incident is recorded; an admin can check the app's scopes and the logs.";
        deliveries.enqueue(job.incident(), new JobPayload.Respond(url, text), job.createdAt());
    }
}
