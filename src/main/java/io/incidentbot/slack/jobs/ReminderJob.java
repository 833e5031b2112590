package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.ReminderPosts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A reminder ({@code chat.postMessage} with buttons) in the incident channel. An update or lead
 * reminder whose incident was resolved after it was queued is dropped: nothing is sent for a resolved
 * incident; the unowned follow-ups list is sent because it belongs to the resolution.
 * A lead reminder of a channel with no human member ({@link ReminderNote.LeadMissing#emptyChannel()}, issue 21,
 * "Nobody alone in an empty channel") goes to {@code INCIDENT_ALERTS_CHANNEL} instead, or, without one, as a direct
 * message to each current on-call of the on-call file's first escalation step ({@code conversations.open}, scope
 * {@code im:write}); with neither it is not sent. Every post is made at most once ({@link Posts#postOnce}).
 */
public final class ReminderJob implements KindHandler<SlackJob.Remind> {
    private final Posts posts;
    private final MethodsClient client;
    private final String alertsChannel;
    private final Function<Instant, List<String>> oncallAt;
    private io.incidentbot.slack.render.Names names = io.incidentbot.slack.render.Names.CODES;

    /** @param posts posts at most once per job; a lead reminder of an empty channel is not sent */
    public ReminderJob(Posts posts) {
        this(posts, null, null, at -> List.of());
    }

    /**
     * @param posts         posts at most once per job
     * @param client        Web API client with the bot token (for {@code conversations.open})
     * @param alertsChannel {@code INCIDENT_ALERTS_CHANNEL}, or null
     * @param oncallAt      Slack user IDs on call at a time (step 1 of the on-call file), empty without one
     */
    public ReminderJob(Posts posts, MethodsClient client, String alertsChannel, Function<Instant, List<String>> oncallAt) {
        this.posts = posts;
        this.client = client;
        this.alertsChannel = alertsChannel;
        this.oncallAt = oncallAt;
    }

    /**
     * @param names what the process file calls the lead (issue 25), in the reminders' text
     * @return this job handler
     */
    public ReminderJob names(io.incidentbot.slack.render.Names names) {
        this.names = names;
        return this;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Remind payload) {
        ReminderNote note = payload.note();
        if (!incident.isOpen() && !(note instanceof ReminderNote.UnownedFollowUps)) {
            return Outcome.done();
        }
        if (note instanceof ReminderNote.LeadMissing l && l.emptyChannel()) {
            return elsewhere(job, incident, l);
        }
        return post(job, incident.channelId(), ReminderPosts.text(note, names), note);
    }

    private Outcome elsewhere(OutboxJob job, Incident incident, ReminderNote.LeadMissing note) {
        String text = ReminderPosts.nobodyThere(note, incident.channelId(), names);
        if (alertsChannel != null) {
            return post(job, alertsChannel, text, note);
        }
        for (String user : client == null ? List.<String>of() : oncallAt.apply(job.createdAt())) {
            SlackCalls.Result<ConversationsOpenResponse> im = SlackCalls.run("conversations.open",
                    () -> client.conversationsOpen(req -> req.users(List.of(user))));
            if (!im.ok()) {
                return SlackCalls.failed("conversations.open", im);
            }
            Outcome sent = post(job, im.response().getChannel().getId(), text, note);
            if (sent.type() != Outcome.Type.DONE) {
                return sent;
            }
        }
        return Outcome.done();
    }

    private Outcome post(OutboxJob job, String channel, String text, ReminderNote note) {
        SlackCalls.Result<String> r = posts.postOnce(job, channel, text, ReminderPosts.blocks(note, text));
        return r.failure() != null ? r.failure() : Outcome.done();
    }
}
