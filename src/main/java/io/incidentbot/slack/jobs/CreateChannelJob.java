package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import io.incidentbot.incident.ChannelNames;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code conversations.create} for the incident channel, trying {@code -2}, {@code -3}... on
 * {@code name_taken}. On a retry (an earlier attempt's answer may have been lost) a taken name is first
 * looked up with {@code conversations.list}: a channel the bot created that no incident owns yet is adopted.
 * Nothing is created or adopted before the bot's own user ID is known ({@code auth.test} answered): without
 * it a channel the bot created whose answer was lost could not be recognised, and a second {@code -2}
 * channel would be made. Until then the job is retried after {@link #IDENTITY_WAIT}.
 */
public final class CreateChannelJob implements KindHandler<SlackJob.CreateChannel> {
    private static final Logger log = LoggerFactory.getLogger(CreateChannelJob.class);
    private static final int MAX_NAME_ATTEMPTS = 50;
    /** How long a channel creation waits before asking again whether {@code auth.test} has answered. */
    static final java.time.Duration IDENTITY_WAIT = java.time.Duration.ofSeconds(2);

    private final MethodsClient client;
    private final Deliveries deliveries;
    private final String channelPrefix;
    private final Supplier<String> botUserId;

    /**
     * @param channelPrefix prefix of channel names, e.g. {@code inc}
     * @param botUserId     the bot's user ID once {@code auth.test} answered (null before)
     */
    public CreateChannelJob(MethodsClient client, Deliveries deliveries, String channelPrefix, Supplier<String> botUserId) {
        this.client = client;
        this.deliveries = deliveries;
        this.channelPrefix = channelPrefix;
        this.botUserId = botUserId;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.CreateChannel payload) {
        if (incident.channelId() != null) {
            return Outcome.done();
        }
        if (botUserId.get() == null) {
            return Outcome.retry("bot identity unknown (auth.test has not answered yet)", IDENTITY_WAIT);
        }
        boolean retry = job.attempts() > 0;
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = ChannelNames.name(channelPrefix, incident.number(), incident.title(), attempt);
            SlackCalls.Result<ConversationsCreateResponse> r = SlackCalls.run("conversations.create",
                    () -> client.conversationsCreate(req -> req.name(name).isPrivate(incident.privateIncident())));
            if (r.ok()) {
                return link(incident, r.response().getChannel().getId(), name, "created");
            }
            if (!"name_taken".equals(r.error())) {
                return SlackCalls.failed("conversations.create", r);
            }
            if (retry) {
                SlackCalls.Result<ConversationsListResponse> own = findOwnChannel(name);
                if (own.failure() != null) {
                    return own.failure();
                }
                Optional<Conversation> adopted = ownUnlinked(own.response(), name);
                if (adopted.isPresent()) {
                    return link(incident, adopted.get().getId(), name, "adopted");
                }
            }
        }
        return Outcome.fail("conversations.create: name_taken " + MAX_NAME_ATTEMPTS + " times");
    }

    private Outcome link(Incident incident, String channelId, String name, String how) {
        deliveries.linkChannel(incident.number(), channelId, name);
        log.info("incident {}: channel {} {}", incident.number(), channelId, how);
        return Outcome.done();
    }

    /** Pages through {@code conversations.list} until a channel named {@code name} shows up. */
    private SlackCalls.Result<ConversationsListResponse> findOwnChannel(String name) {
        String cursor = null;
        SlackCalls.Result<ConversationsListResponse> page;
        do {
            String c = cursor;
            page = SlackCalls.run("conversations.list", () -> client.conversationsList(req -> req.cursor(c).limit(1000)
                    .excludeArchived(true).types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))));
            if (!page.ok()) {
                return page.failure() != null ? page : new SlackCalls.Result<>(null, SlackCalls.failed("conversations.list", page));
            }
            if (page.response().getChannels().stream().anyMatch(ch -> name.equals(ch.getName()))) {
                return page;
            }
            cursor = page.response().getResponseMetadata() == null ? null : page.response().getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return page;
    }

    private Optional<Conversation> ownUnlinked(ConversationsListResponse list, String name) {
        String me = botUserId.get();
        return list.getChannels().stream()
                .filter(ch -> name.equals(ch.getName()) && me != null && me.equals(ch.getCreator()))
                .filter(ch -> !deliveries.channelLinked(ch.getId()))
                .findFirst();
    }
}
