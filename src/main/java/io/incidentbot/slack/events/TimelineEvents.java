package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.incidentbot.timeline.ChannelEvent;
import io.incidentbot.timeline.TimelineService;
import io.incidentbot.store.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.incidentbot.slack.http.EventCallbacks;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Handles every Events API request ({@code event_callback}) itself and answers it, before Bolt's
 * listener dispatch: the event is read from the raw JSON, recorded on the timeline and committed,
 * then acknowledged with 200. Other requests go on down the chain. Over HTTP, the events a timeline
 * records do not reach Bolt at all ({@link EventCallbacks}: the front end's one JSON parse is used);
 * over Socket Mode, and for other event types, this runs as a Bolt middleware.
 *
 * <p>Why a middleware and not {@code app.event(SomeEvent.class, ...)} listeners: Bolt dispatches by
 * {@code type:subtype} to one model class per subtype and answers 404 (so Slack retries, then gives
 * up) for any pair without a listener. Message subtypes are an open set ({@code channel_topic},
 * {@code pinned_item}, {@code huddle_thread}, {@code tombstone} parents...), so some subtype would
 * always be missing; reading the JSON ourselves acks all of them, and keeps fields the model classes
 * drop or rename.
 *
 * <p>Log lines written after an event was recorded carry the {@code event_id} and {@code incident} MDC
 * fields.
 *
 * <p>Failures: an event Slack can never deliver better (a malformed {@code ts}) is logged and acked;
 * a storage failure propagates, so the error middleware answers 500 and Slack redelivers the event
 * (nothing was committed, its {@code event_id} included).
 */
public final class TimelineEvents implements Middleware, EventCallbacks {
    private static final Logger log = LoggerFactory.getLogger(TimelineEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TimelineService timeline;
    private final io.incidentbot.ops.Metrics metrics;
    private final Supplier<String> botUserId;
    private final Supplier<String> botId;

    /** @param timeline records the events */
    public TimelineEvents(TimelineService timeline) {
        this(timeline, null, () -> null, () -> null);
    }

    /**
     * @param timeline  records the events
     * @param metrics   counts events stored and duplicates dropped; null counts nothing
     * @param botUserId the bot's user ID from {@code auth.test} (null until known), for events answered
     *                  without Bolt ({@link #answer}); Bolt's context carries it otherwise
     * @param botId     the bot ID ({@code B...}) likewise
     */
    public TimelineEvents(TimelineService timeline, io.incidentbot.ops.Metrics metrics, Supplier<String> botUserId,
                          Supplier<String> botId) {
        this.timeline = timeline;
        this.metrics = metrics;
        this.botUserId = botUserId;
        this.botId = botId;
    }

    /** Bolt's path (Socket Mode, and events the HTTP front end leaves to Bolt): every event is acked here. */
    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) {
            return chain.next(req);
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(req.getRequestBodyAsString());
        } catch (IOException e) {
            log.warn("ignored an event whose body is not JSON: {}", e.getMessage());
            return Response.ok();
        }
        EventContext ctx = (EventContext) req.getContext();
        record(envelope, BotUser.of(envelope, ctx.getBotUserId(), ctx.getBotId()), ctx.getRetryNum(), ctx.getRetryReason());
        return Response.ok();
    }

    /**
     * The HTTP path without Bolt: takes the event types a timeline records, from the body the front end
     * parsed once; leaves others (e.g. {@code app_home_opened}) to Bolt's listeners.
     *
     * @return 200 once the event is committed (or known, or irrelevant); 503 while the database is unavailable
     *         and 500 when storing failed otherwise, so Slack redelivers it (nothing was committed); empty for event
     *         types a timeline does not record
     */
    @Override
    public OptionalInt answer(JsonNode envelope, Map<String, List<String>> headers) {
        if (!ChannelEvents.recorded(envelope.path("event").path("type").asText(""))) {
            return OptionalInt.empty();
        }
        try {
            record(envelope, BotUser.of(envelope, botUserId.get(), botId.get()), number(EventCallbacks.header(headers, "X-Slack-Retry-Num")),
                    EventCallbacks.header(headers, "X-Slack-Retry-Reason"));
            return OptionalInt.of(200);
        } catch (RuntimeException e) {
            if (StorageUnavailableException.in(e)) {
                // the storage logged the outage once when it began (issue 24: 24,654 stack-trace lines in 75 s at 10 events/s)
                log.debug("event not recorded, database unavailable; answering 503 so Slack redelivers it: {}", e.toString());
                return OptionalInt.of(503);
            }
            log.error("event handling failed; answering 500 so Slack redelivers it", e);
            return OptionalInt.of(500);
        }
    }

    private void record(JsonNode raw, BotUser bot, Integer retryNum, String retryReason) {
        JsonNode envelope = io.incidentbot.markup.NulCharacters.replace(raw); // PostgreSQL stores no NUL
        String eventId = envelope.path("event_id").asText(null);
        if (eventId != null) {
            MDC.put("event_id", eventId);
        }
        try {
            Optional<ChannelEvent> event = read(envelope, bot, eventId);
            if (event.isPresent()) {
                TimelineService.Outcome outcome = timeline.record(eventId, event.get());
                timeline.knownIncident(event.get().channelId()).ifPresent(n -> MDC.put("incident", String.valueOf(n)));
                count(outcome);
                if (outcome == TimelineService.Outcome.DUPLICATE) {
                    log.info("event {} seen before (retry {} {}): acknowledged, nothing changed", eventId,
                            retryNum, retryReason);
                } else {
                    log.debug("event {}: {}", eventId, outcome);
                }
            }
        } finally {
            MDC.remove("event_id");
            MDC.remove("incident");
        }
    }

    private static Integer number(String s) {
        return s != null && s.matches("\\d{1,3}") ? Integer.valueOf(s) : null;
    }

    private void count(TimelineService.Outcome outcome) {
        if (metrics == null) {
            return;
        }
        if (outcome == TimelineService.Outcome.DUPLICATE) {
            metrics.eventDuplicate();
        } else if (outcome == TimelineService.Outcome.RECORDED) {
            metrics.eventStored();
        }
    }

    private static Optional<ChannelEvent> read(JsonNode envelope, BotUser bot, String eventId) {
        try {
            JsonNode time = envelope.path("event_time");
            Instant envelopeTime = time.canConvertToLong() && time.asLong() > 0 ? Instant.ofEpochSecond(time.asLong()) : null;
            return ChannelEvents.read(envelope.path("event"), bot, envelopeTime);
        } catch (IllegalArgumentException e) {
            log.warn("ignored event {} ({}): {}", eventId, envelope.path("event").path("type").asText(), e.getMessage());
            return Optional.empty();
        }
    }
}
