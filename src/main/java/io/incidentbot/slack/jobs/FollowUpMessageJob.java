package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.trackers.FollowUpRecord;

import java.util.Optional;
import java.util.Set;

/**
 * Brings a follow-up's own channel message up to date after its state changed (issue 22; job kind
 * {@link SlackJob.Kind#SYNC_FOLLOW_UP}): {@code chat.update} of the message {@link ChannelPostJob} posted (its
 * {@code ts} remembered as the delivery {@link #key}) with {@link FollowUpPosts#message} and the buttons of its
 * state. A follow-up with no message of its own (recorded with others in one post, or posted by an earlier
 * release), or whose message was deleted, has nothing to update.
 */
final class FollowUpMessageJob implements KindHandler<SlackJob.SyncFollowUp> {
    /**
     * Slack errors ({@code chat.update} reference) of a message that can no longer be edited, e.g. a follow-up closed
     * in its tracker months after its channel was archived: there is nothing to update.
     */
    private static final Set<String> GONE = Set.of("message_not_found", "cant_update_message", "edit_window_closed",
            "channel_not_found", "is_inactive");

    private final MethodsClient client;
    private final Deliveries deliveries;
    private final boolean trackers;

    /**
     * @param client     Web API client with the bot token
     * @param deliveries where the message's {@code ts} and the follow-up are read
     * @param trackers   true when a tracker is set up (the message offers <em>Create issue</em>)
     */
    FollowUpMessageJob(MethodsClient client, Deliveries deliveries, boolean trackers) {
        this.client = client;
        this.deliveries = deliveries;
        this.trackers = trackers;
    }

    /** @return the delivery under which the {@code ts} of follow-up {@code followUp}'s message is remembered */
    static String key(long followUp) {
        return "follow_up:" + followUp;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.SyncFollowUp payload) {
        Optional<String> ts = deliveries.lastSent(incident.number(), key(payload.followUp()));
        Optional<FollowUpRecord> found = deliveries.followUp(payload.followUp());
        if (ts.isEmpty() || found.isEmpty()) {
            return Outcome.done();
        }
        FollowUpRecord f = found.get();
        String text = FollowUpPosts.message(f, deliveries.lastChange(f.id()).orElse(null));
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update", () -> client.chatUpdate(req -> req
                .channel(incident.channelId()).ts(ts.get()).text(UserText.outgoing(text))
                .blocks(FollowUpPosts.messageBlocks(f, text, trackers))));
        return r.ok() || GONE.contains(r.error()) ? Outcome.done() : SlackCalls.failed("chat.update", r);
    }
}
