package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.slack.render.Messages;
import io.incidentbot.slack.render.UserText;

import java.util.List;
import java.util.Map;

/** Posts a job's message at most once ({@code chat.postMessage} tagged with the job ID in message metadata). */
public final class Posts {
    /** Message metadata event type tagging the bot's posts with their outbox job ID. */
    public static final String METADATA_EVENT = "incident_bot_post";
    /** Slack's limit for message text, in characters. */
    public static final int MAX_MESSAGE = 40_000;

    private final MethodsClient client;

    /** @param client Web API client with the bot token */
    public Posts(MethodsClient client) {
        this.client = client;
    }

    /** Posts {@code text} (cut to Slack's 40,000 characters) into {@code channel} at most once. */
    Outcome post(OutboxJob job, String channel, String text) {
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
    public SlackCalls.Result<String> postOnce(OutboxJob job, String channel, String text, List<LayoutBlock> blocks) {
        return postOnce(job, channel, text, blocks, null);
    }

    /**
     * As {@link #postOnce(OutboxJob, String, String, List)}, as a reply in the thread of message {@code threadTs}
     * (a retry looks for its tag in the thread, {@code conversations.replies}), or top-level when it is null.
     */
    SlackCalls.Result<String> postOnce(OutboxJob job, String channel, String text, List<LayoutBlock> blocks,
                                       String threadTs) {
        if (job.attempts() > 0) {
            SlackCalls.Result<String> earlier = findPosted(job, channel, threadTs);
            if (earlier.failure() != null || earlier.response() != null) {
                return earlier;
            }
        }
        Message.Metadata tag = new Message.Metadata(METADATA_EVENT, Map.of("job", String.valueOf(job.id())));
        SlackCalls.Result<ChatPostMessageResponse> r = SlackCalls.run("chat.postMessage",
                () -> client.chatPostMessage(req -> req.channel(channel).threadTs(threadTs).text(UserText.outgoing(text))
                        .blocks(blocks).metadata(tag)));
        if (!r.ok()) {
            return new SlackCalls.Result<>(null, SlackCalls.failed("chat.postMessage", r));
        }
        return new SlackCalls.Result<>(r.response().getTs(), null);
    }

    private SlackCalls.Result<String> findPosted(OutboxJob job, String channel, String threadTs) {
        SlackCalls.Result<? extends com.slack.api.methods.SlackApiTextResponse> h = threadTs == null
                ? SlackCalls.historySince(client, channel, job)
                : SlackCalls.run("conversations.replies", () -> client.conversationsReplies(req -> req.channel(channel)
                        .ts(threadTs).limit(200).includeAllMetadata(true)));
        if (!h.ok()) {
            // Without history (e.g. not_in_channel for the announcement channel) we cannot tell: post.
            return new SlackCalls.Result<>(null, h.failure());
        }
        List<Message> messages = h.response() instanceof ConversationsHistoryResponse r ? r.getMessages()
                : ((com.slack.api.methods.response.conversations.ConversationsRepliesResponse) h.response()).getMessages();
        String id = String.valueOf(job.id());
        return new SlackCalls.Result<>(messages.stream()
                .filter(m -> m.getMetadata() != null && METADATA_EVENT.equals(m.getMetadata().getEventType())
                        && m.getMetadata().getEventPayload() != null
                        && id.equals(String.valueOf(m.getMetadata().getEventPayload().get("job"))))
                .map(Message::getTs).findFirst().orElse(null), null);
    }
}
