package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;

import java.util.List;

/** {@code conversations.invite} of the payload's users, 100 per call; users already in the channel are fine. */
public final class InviteJob implements KindHandler<SlackJob.Invite> {
    private final MethodsClient client;

    /** @param client Web API client with the bot token */
    public InviteJob(MethodsClient client) {
        this.client = client;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Invite payload) {
        List<String> users = payload.users();
        for (int from = 0; from < users.size(); from += 100) {
            List<String> batch = users.subList(from, Math.min(users.size(), from + 100));
            SlackCalls.Result<ConversationsInviteResponse> r = SlackCalls.run("conversations.invite",
                    () -> client.conversationsInvite(req -> req.channel(incident.channelId()).users(batch)));
            if (!r.ok() && !"already_in_channel".equals(r.error()) && !"cant_invite_self".equals(r.error())) {
                return SlackCalls.failed("conversations.invite", r);
            }
        }
        return Outcome.done();
    }
}
