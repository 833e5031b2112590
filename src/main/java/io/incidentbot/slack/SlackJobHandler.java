package io.incidentbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsSetTopicResponse;
import io.incidentbot.incident.ChannelNames;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payload;
import io.incidentbot.storage.Storage;
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
    /** Slack's limit for message text, in characters. */
    static final int MAX_MESSAGE = 40_000;

    private final Slack slack;
    private final MethodsClient client;
    private final Storage storage;
    private final String channelPrefix;
    private final String announceChannel;
    private final Function<OutboxJob, Outcome> postmortem;

    /**
     * @param slack           SDK instance (its config points at {@code SLACK_API_URL})
     * @param botToken        {@code xoxb-...}
     * @param announceChannel channel ID for announcements, or null
     * @param postmortem      delivers {@link OutboxJob.Kind#POSTMORTEM} jobs
     */
    public SlackJobHandler(Slack slack, String botToken, Storage storage, String channelPrefix, String announceChannel,
                           Function<OutboxJob, Outcome> postmortem) {
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
            return createChannel(incident);
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
            case SYNC_HEADER -> syncHeader(incident);
            case POST_CHANNEL -> post(incident.channelId(), payload.path("text").asText());
            case ANNOUNCE -> announce(incident, payload);
            case POSTMORTEM -> postmortem.apply(job);
            default -> Outcome.fail("unknown job kind " + job.kind());
        };
    }

    private Outcome createChannel(Incident incident) {
        if (incident.channelId() != null) {
            return Outcome.done();
        }
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = ChannelNames.name(channelPrefix, incident.number(), incident.title(), attempt);
            SlackCalls.Result<ConversationsCreateResponse> r = SlackCalls.run("conversations.create",
                    () -> client.conversationsCreate(req -> req.name(name).isPrivate(incident.privateIncident())));
            if (r.ok()) {
                String id = r.response().getChannel().getId();
                storage.run(repos -> repos.incidents().setChannel(incident.number(), id, name));
                log.info("incident {}: channel {} created", incident.number(), id);
                return Outcome.done();
            }
            if (!"name_taken".equals(r.error())) {
                return SlackCalls.failed("conversations.create", r);
            }
        }
        return Outcome.fail("conversations.create: name_taken " + MAX_NAME_ATTEMPTS + " times");
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

    private Outcome syncHeader(Incident incident) {
        if (incident.headerTs() == null) {
            SlackCalls.Result<ChatPostMessageResponse> r = SlackCalls.run("chat.postMessage",
                    () -> client.chatPostMessage(req -> req.channel(incident.channelId())
                            .text(Messages.headerText(incident)).blocks(Messages.headerBlocks(incident))));
            if (!r.ok()) {
                return SlackCalls.failed("chat.postMessage", r);
            }
            storage.run(repos -> repos.incidents().setHeaderTs(incident.number(), r.response().getTs()));
            return Outcome.done();
        }
        SlackCalls.Result<ChatUpdateResponse> r = SlackCalls.run("chat.update",
                () -> client.chatUpdate(req -> req.channel(incident.channelId()).ts(incident.headerTs())
                        .text(Messages.headerText(incident)).blocks(Messages.headerBlocks(incident))));
        return r.ok() ? Outcome.done() : SlackCalls.failed("chat.update", r);
    }

    private Outcome announce(Incident incident, JsonNode payload) {
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
        return post(announceChannel, text);
    }

    private Outcome post(String channel, String text) {
        String body = Messages.truncate(text, MAX_MESSAGE);
        SlackCalls.Result<ChatPostMessageResponse> r = SlackCalls.run("chat.postMessage",
                () -> client.chatPostMessage(req -> req.channel(channel).text(body)));
        return r.ok() ? Outcome.done() : SlackCalls.failed("chat.postMessage", r);
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
