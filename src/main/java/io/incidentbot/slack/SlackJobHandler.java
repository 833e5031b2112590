package io.incidentbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.util.Map;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import io.incidentbot.incident.ChannelNames;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payload;
import io.incidentbot.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Delivers outbox jobs through Slack's Web API ({@code conversations.create}, {@code conversations.invite},
 * {@code conversations.setTopic}, {@code chat.postMessage}, {@code chat.update}) and tells the person
 * concerned, through the slash command's {@code response_url}, when a job is given up.
 */
public final class SlackJobHandler implements JobHandler {
    private static final Logger log = LoggerFactory.getLogger(SlackJobHandler.class);
    private static final int MAX_NAME_ATTEMPTS = 50;
    /** Message metadata event type tagging the bot's posts with their outbox job ID. */
    static final String METADATA_EVENT = "incident_bot_post";
    /** Slack's limit for message text, in characters. */
    static final int MAX_MESSAGE = 40_000;

    private final Slack slack;
    private final MethodsClient client;
    private final Storage storage;
    private final String channelPrefix;
    private final String announceChannel;
    private final Function<OutboxJob, Outcome> postmortem;
    private final java.util.function.Supplier<String> botUserId;

    /**
     * @param slack           SDK instance (its config points at {@code SLACK_API_URL})
     * @param botToken        {@code xoxb-...}
     * @param announceChannel channel ID for announcements, or null
     * @param postmortem      delivers {@link OutboxJob.Kind#POSTMORTEM} jobs
     * @param botUserId       the bot's user ID once {@code auth.test} answered (null before), to recognise
     *                        channels it created
     */
    public SlackJobHandler(Slack slack, String botToken, Storage storage, String channelPrefix, String announceChannel,
                           Function<OutboxJob, Outcome> postmortem, java.util.function.Supplier<String> botUserId) {
        this.botUserId = botUserId;
        this.slack = slack;
        this.client = slack.methods(botToken);
        this.storage = storage;
        this.channelPrefix = channelPrefix;
        this.announceChannel = announceChannel;
        this.postmortem = postmortem;
    }

    @Override
    public Outcome handle(OutboxJob job) {
        Optional<Incident> found = storage.transaction(r -> r.incidents().find(job.incident()));
        if (found.isEmpty()) {
            return job.kind() == OutboxJob.Kind.RESPOND ? respond(job) : Outcome.fail("no incident " + job.incident());
        }
        Incident incident = found.get();
        if (job.kind() == OutboxJob.Kind.CREATE_CHANNEL) {
            return createChannel(incident, job.attempts() > 0);
        }
        if (job.kind() == OutboxJob.Kind.RESPOND) {
            return respond(job);
        }
        if (incident.channelId() == null) {
            return Outcome.fail("no_incident_channel");
        }
        JsonNode payload = Payload.read(job.payload());
        return switch (job.kind()) {
            case INVITE -> invite(incident, payload);
            case SYNC_TOPIC -> syncTopic(incident);
            case SYNC_HEADER -> syncHeader(job, incident);
            case POST_CHANNEL -> post(job, incident.channelId(), payload.path("text").asText());
            case ANNOUNCE -> announce(job, incident, payload);
            case POSTMORTEM -> postmortem.apply(job);
            default -> Outcome.fail("unknown job kind " + job.kind());
        };
    }

    /**
     * {@code conversations.create}, trying {@code -2}, {@code -3}... on {@code name_taken}. On a retry
     * (an earlier attempt's answer may have been lost) a taken name is first looked up with
     * {@code conversations.list}: a channel the bot created that no incident owns yet is adopted.
     */
    private Outcome createChannel(Incident incident, boolean retry) {
        if (incident.channelId() != null) {
            return Outcome.done();
        }
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = ChannelNames.name(channelPrefix, incident.number(), incident.title(), attempt);
            SlackCalls.Result<ConversationsCreateResponse> r = SlackCalls.run("conversations.create",
                    () -> client.conversationsCreate(req -> req.name(name).isPrivate(incident.privateIncident())));
            if (r.ok()) {
                return linkChannel(incident, r.response().getChannel().getId(), name, "created");
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
                    return linkChannel(incident, adopted.get().getId(), name, "adopted");
                }
            }
        }
        return Outcome.fail("conversations.create: name_taken " + MAX_NAME_ATTEMPTS + " times");
    }

    private Outcome linkChannel(Incident incident, String channelId, String name, String how) {
        storage.run(repos -> repos.incidents().setChannel(incident.number(), channelId, name));
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
                .filter(ch -> storage.transaction(r -> r.incidents().findByChannel(ch.getId())).isEmpty())
                .findFirst();
    }

    private Outcome invite(Incident incident, JsonNode payload) {
        List<String> users = new ArrayList<>();
        payload.path("users").forEach(u -> users.add(u.asText()));
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

    private Outcome syncTopic(Incident incident) {
        String topic = Messages.topic(incident);
        SlackCalls.Result<ConversationsSetTopicResponse> r = SlackCalls.run("conversations.setTopic",
                () -> client.conversationsSetTopic(req -> req.channel(incident.channelId()).topic(topic)));
        return r.ok() ? Outcome.done() : SlackCalls.failed("conversations.setTopic", r);
    }

    private Outcome syncHeader(OutboxJob job, Incident incident) {
        if (incident.headerTs() == null) {
            SlackCalls.Result<String> r = postOnce(job, incident.channelId(), Messages.headerText(incident),
                    Messages.headerBlocks(incident));
            if (r.failure() != null) {
                return r.failure();
            }
            storage.run(repos -> repos.incidents().setHeaderTs(incident.number(), r.response()));
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update",
                () -> client.chatUpdate(req -> req.channel(incident.channelId()).ts(incident.headerTs())
                        .text(Messages.headerText(incident)).blocks(Messages.headerBlocks(incident))));
        return r.ok() ? Outcome.done() : SlackCalls.failed("chat.update", r);
    }

    private Outcome announce(OutboxJob job, Incident incident, JsonNode payload) {
        if (announceChannel == null) {
            return Outcome.done();
        }
        String type = payload.path("type").asText("declared");
        String text = switch (type) {
            case "update" -> Messages.statusUpdate(incident, payload.path("user").asText(), payload.path("text").asText());
            case "resolved" -> Messages.resolved(incident);
            default -> Messages.announcement(incident);
        };
        if (incident.privateIncident() && !"declared".equals(type)) {
            return Outcome.done();
        }
        return post(job, announceChannel, text);
    }

    private Outcome post(OutboxJob job, String channel, String text) {
        SlackCalls.Result<String> r = postOnce(job, channel, Messages.truncate(text, MAX_MESSAGE), null);
        return r.failure() != null ? r.failure() : Outcome.done();
    }

    /**
     * {@code chat.postMessage} tagged with the job's ID in message metadata. On a retry it first
     * looks for that tag in the channel's recent history ({@code conversations.history}) and does not
     * post again when an earlier attempt got through.
     *
     * @return the message {@code ts}, or the failure outcome
     */
    SlackCalls.Result<String> postOnce(OutboxJob job, String channel, String text, List<LayoutBlock> blocks) {
        if (job.attempts() > 0) {
            SlackCalls.Result<String> earlier = findPosted(job, channel);
            if (earlier.failure() != null || earlier.response() != null) {
                return earlier;
            }
        }
        Message.Metadata tag = new Message.Metadata(METADATA_EVENT, Map.of("job", String.valueOf(job.id())));
        SlackCalls.Result<ChatPostMessageResponse> r = SlackCalls.run("chat.postMessage",
                () -> client.chatPostMessage(req -> req.channel(channel).text(text).blocks(blocks).metadata(tag)));
        if (!r.ok()) {
            return new SlackCalls.Result<>(null, SlackCalls.failed("chat.postMessage", r));
        }
        return new SlackCalls.Result<>(r.response().getTs(), null);
    }

    private SlackCalls.Result<String> findPosted(OutboxJob job, String channel) {
        SlackCalls.Result<ConversationsHistoryResponse> h = SlackCalls.historySince(client, channel, job);
        if (!h.ok()) {
            // Without history (e.g. not_in_channel for the announcement channel) we cannot tell: post.
            return new SlackCalls.Result<>(null, h.failure());
        }
        String id = String.valueOf(job.id());
        return new SlackCalls.Result<>(h.response().getMessages().stream()
                .filter(m -> m.getMetadata() != null && METADATA_EVENT.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && id.equals(String.valueOf(m.getMetadata().getEventPayload().get("job"))))
                .map(Message::getTs).findFirst().orElse(null), null);
    }

    private Outcome respond(OutboxJob job) {
        JsonNode payload = Payload.read(job.payload());
        String url = payload.path("responseUrl").asText(null);
        if (url == null) {
            return Outcome.done();
        }
        try {
            int code = slack.send(url, Payload.of("response_type", "ephemeral", "text", payload.path("text").asText()))
                    .getCode();
            return code < 300 ? Outcome.done() : code >= 500 || code == 429
                    ? Outcome.retry("response_url: HTTP " + code, null) : Outcome.fail("response_url: HTTP " + code);
        } catch (IOException e) {
            return Outcome.retry("response_url: " + e.getMessage(), null);
        }
    }

    @Override
    public void failed(OutboxJob job, String error) {
        if ("no_incident_channel".equals(error) || job.kind() == OutboxJob.Kind.RESPOND) {
            return;
        }
        String url = Payload.read(job.payload()).path("responseUrl").asText(null);
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
        storage.run(r -> r.outbox().enqueue(job.incident(), OutboxJob.Kind.RESPOND,
                Payload.of("responseUrl", url, "text", text), job.createdAt()));
    }
}
