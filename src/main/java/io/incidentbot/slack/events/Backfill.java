package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.Gson;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.util.json.GsonFactory;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.slack.web.SlackCalls;
import io.incidentbot.incident.IncidentQueries;
import io.incidentbot.retry.Backoff;
import io.incidentbot.timeline.ChannelEvent;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Catches up on messages posted while the bot was down or events were lost: for every open incident
 * it pages through {@code conversations.history} since the declaration and, for thread parents whose
 * latest reply is not stored, {@code conversations.replies}; each message goes through the same
 * {@link TimelineService} as live events, so a message already stored (same channel and {@code ts}) is
 * never stored twice, and an edit made meanwhile is applied. 429 answers are honoured
 * ({@code Retry-After}); an incident whose history cannot be read is skipped until the next sweep.
 */
public final class Backfill {
    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final int PAGE = 200;
    private static final int MAX_TRIES = 5;
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final MethodsClient client;
    private final IncidentQueries incidents;
    private final TimelineService timeline;
    private final Supplier<String> botUserId;
    private final Supplier<String> botId;

    /**
     * @param botUserId the bot's user ID once known, else null
     * @param botId     the bot ID once known, else null
     */
    public Backfill(MethodsClient client, IncidentQueries incidents, TimelineService timeline, Supplier<String> botUserId,
                    Supplier<String> botId) {
        this.client = client;
        this.incidents = incidents;
        this.timeline = timeline;
        this.botUserId = botUserId;
        this.botId = botId;
    }

    /**
     * Sweeps every open incident once.
     *
     * @return how many messages were read from Slack (stored ones are skipped, not counted apart)
     */
    public int sweep() {
        int read = 0;
        for (Incident incident : incidents.listOpen()) {
            if (incident.channelId() == null) {
                continue;
            }
            try {
                read += sweep(incident);
            } catch (SweepFailed e) {
                log.warn("incident {}: catching up skipped this time: {}", incident.number(), e.getMessage());
            }
        }
        return read;
    }

    /** Like {@link #sweep()}, logging instead of throwing; for a scheduler. */
    public void sweepQuietly() {
        try {
            int read = sweep();
            log.debug("backfill sweep read {} messages", read);
        } catch (RuntimeException e) {
            log.error("backfill sweep failed", e);
        }
    }

    private int sweep(Incident incident) {
        String channel = incident.channelId();
        String oldest = SlackTs.fromInstant(incident.declaredAt().minusSeconds(60));
        BotUser bot = new BotUser(botUserId.get(), botId.get());
        int read = 0;
        String cursor = null;
        do {
            String c = cursor;
            ConversationsHistoryResponse page = call("conversations.history", () -> client.conversationsHistory(req -> req
                    .channel(channel).oldest(oldest).limit(PAGE).cursor(c)));
            for (Message m : page.getMessages()) {
                read++;
                record(channel, m, bot);
                if (m.getReplyCount() != null && m.getReplyCount() > 0 && !stored(incident, m.getLatestReply())) {
                    read += replies(incident, m.getTs(), bot);
                }
            }
            cursor = page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return read;
    }

    private int replies(Incident incident, String parentTs, BotUser bot) {
        int read = 0;
        String cursor = null;
        do {
            String c = cursor;
            ConversationsRepliesResponse page = call("conversations.replies", () -> client.conversationsReplies(req -> req
                    .channel(incident.channelId()).ts(parentTs).limit(PAGE).cursor(c)));
            for (Message m : page.getMessages()) {
                if (!parentTs.equals(m.getTs())) {
                    read++;
                    record(incident.channelId(), m, bot);
                }
            }
            cursor = page.getResponseMetadata() == null ? null : page.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return read;
    }

    private boolean stored(Incident incident, String ts) {
        return ts != null && timeline.isStored(incident.number(), ts);
    }

    /** Stores a message read from history as if it had arrived as a {@code message} event. */
    private void record(String channel, Message message, BotUser bot) {
        JsonNode node;
        try {
            node = io.incidentbot.markup.NulCharacters.replace(JSON.readTree(GSON.toJson(message)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ((ObjectNode) node).put("channel", channel);
        Optional<ChannelEvent> event;
        try {
            event = MessageEvents.read(node, bot, null);
        } catch (IllegalArgumentException malformed) {
            return;
        }
        if (event.isEmpty() || !(event.get() instanceof ChannelEvent.MessagePosted posted)) {
            return;
        }
        timeline.record(null, posted);
        if (message.getEdited() != null && message.getEdited().getTs() != null) {
            timeline.record(null, new ChannelEvent.MessageEdited(channel, posted.ts(), posted.text(),
                    SlackTs.toInstant(message.getEdited().getTs())));
        }
    }

    private static final class SweepFailed extends RuntimeException {
        SweepFailed(String message) {
            super(message);
        }
    }

    /**
     * Runs a call, classified by {@link SlackCalls}: waits out 429s ({@code Retry-After}) and retries
     * 5xx, network errors and Slack's transient errors a few times with the shared {@link Backoff}.
     *
     * @throws SweepFailed on a final error, or after {@link #MAX_TRIES} failures
     */
    private static <T extends SlackApiTextResponse> T call(String method, SlackCalls.Call<T> call) {
        Outcome failure = null;
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            SlackCalls.Result<T> r = SlackCalls.run(method, call);
            if (r.ok()) {
                return r.response();
            }
            failure = SlackCalls.failed(method, r);
            if (failure.type() != Outcome.Type.RETRY) {
                throw new SweepFailed(failure.error());
            }
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : BACKOFF.delay(attempt);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SweepFailed(method + ": interrupted");
            }
        }
        throw new SweepFailed(failure.error() + " " + MAX_TRIES + " times");
    }
}
