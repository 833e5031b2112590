package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.JobPayload;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.SlackCalls;
import io.incidentbot.slack.render.Messages;

/** {@code conversations.setTopic} from the incident's current severity, status, lead and title. */
public final class TopicJob implements KindHandler<JobPayload.SyncTopic> {
    private final MethodsClient client;

    /** @param client Web API client with the bot token */
    public TopicJob(MethodsClient client) {
        this.client = client;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, JobPayload.SyncTopic payload) {
        String topic = Messages.topic(incident);
        SlackCalls.Result<ConversationsSetTopicResponse> r = SlackCalls.run("conversations.setTopic",
                () -> client.conversationsSetTopic(req -> req.channel(incident.channelId()).topic(topic)));
        return r.ok() ? Outcome.done() : SlackCalls.failed("conversations.setTopic", r);
    }
}
