package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.Messages;

/**
 * {@code conversations.setTopic} from the incident's current severity, status, lead and title, only when
 * that text differs from the topic the bot set last (each call posts a visible "set the channel topic"
 * line, and the method is Tier 2).
 */
public final class TopicJob implements KindHandler<SlackJob.SyncTopic> {
    private final MethodsClient client;
    private final Deliveries deliveries;
    private final io.incidentbot.slack.render.Names names;

    /**
     * @param client     Web API client with the bot token
     * @param deliveries remembers the topic last set
     */
    public TopicJob(MethodsClient client, Deliveries deliveries) {
        this(client, deliveries, io.incidentbot.slack.render.Names.CODES);
    }

    /** @param names what the process file calls severities and roles (issue 25: {@code SEV2 Major | ...}) */
    public TopicJob(MethodsClient client, Deliveries deliveries, io.incidentbot.slack.render.Names names) {
        this.client = client;
        this.deliveries = deliveries;
        this.names = names;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.SyncTopic payload) {
        String topic = Messages.topic(incident, names);
        if (deliveries.lastSent(incident.number(), "topic").filter(topic::equals).isPresent()) {
            return Outcome.done();
        }
        SlackCalls.Result<ConversationsSetTopicResponse> r = SlackCalls.run("conversations.setTopic",
                () -> client.conversationsSetTopic(req -> req.channel(incident.channelId()).topic(topic)));
        if (!r.ok()) {
            return SlackCalls.failed("conversations.setTopic", r);
        }
        deliveries.sent(incident.number(), "topic", topic);
        return Outcome.done();
    }
}
