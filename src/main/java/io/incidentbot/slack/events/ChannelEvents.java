package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.timeline.ChannelEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the Events API events the manifest subscribes to ({@code message} with any subtype,
 * {@code reaction_added}, {@code reaction_removed}, {@code pin_added}, {@code pin_removed},
 * {@code member_joined_channel}, {@code member_left_channel}) into {@link ChannelEvent}s, from the raw
 * JSON of the {@code event} object. Pure: no storage, no Slack calls.
 *
 * <p>An event without {@code event_ts} (Slack's own documented examples of {@code member_joined_channel}
 * and {@code member_left_channel} have none) is timed by the envelope's {@code event_time}. An empty
 * user ID ({@code ""}) is no user.
 */
final class ChannelEvents {
    private ChannelEvents() {
    }

    /** The event types {@link #read} turns into channel events. */
    private static final java.util.Set<String> RECORDED = java.util.Set.of("message", "reaction_added",
            "reaction_removed", "pin_added", "pin_removed", "member_joined_channel", "member_left_channel");

    /**
     * @param type an event's {@code type}
     * @return true when events of this type can change a timeline (others, e.g. {@code app_home_opened},
     *         are some other listener's)
     */
    static boolean recorded(String type) {
        return RECORDED.contains(type);
    }

    /**
     * @param event the {@code event} object of an {@code event_callback}
     * @param bot   the bot, whose own messages, reactions targets and joins are not captured
     * @param envelopeTime the envelope's {@code event_time}, for events without {@code event_ts}; may be null
     * @return the channel event, or empty when the event cannot change a timeline (other event types,
     *         reactions or pins on files, bots' messages...)
     * @throws IllegalArgumentException when a {@code ts} or {@code event_ts} in it is malformed
     */
    static Optional<ChannelEvent> read(JsonNode event, BotUser bot, Instant envelopeTime) {
        return switch (event.path("type").asText("")) {
            case "message" -> MessageEvents.read(event, bot, envelopeTime);
            case "reaction_added" -> reaction(event, bot, true, envelopeTime);
            case "reaction_removed" -> reaction(event, bot, false, envelopeTime);
            case "pin_added" -> pin(event, bot, true, envelopeTime);
            case "pin_removed" -> pin(event, bot, false, envelopeTime);
            case "member_joined_channel" -> membership(event, bot, true, envelopeTime);
            case "member_left_channel" -> membership(event, bot, false, envelopeTime);
            default -> Optional.empty();
        };
    }

    /** {@code item: {type: message, channel, ts}}; reactions on the bot's own messages are skipped. */
    private static Optional<ChannelEvent> reaction(JsonNode event, BotUser bot, boolean added, Instant envelopeTime) {
        JsonNode item = event.path("item");
        String channel = item.path("channel").asText(null);
        String user = MessageEvents.user(event);
        if (!"message".equals(item.path("type").asText()) || channel == null || user == null
                || bot.isBot(event.path("item_user").asText(null))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelEvent.ReactionChanged(channel, MessageEvents.checked(item.path("ts").asText(null)),
                user, event.path("reaction").asText(""), added, MessageEvents.eventTime(event, envelopeTime)));
    }

    /** {@code channel_id}, {@code item: {type: message, channel, message: {ts, ...}}}; the bot's messages are skipped. */
    private static Optional<ChannelEvent> pin(JsonNode event, BotUser bot, boolean pinned, Instant envelopeTime) {
        JsonNode item = event.path("item");
        JsonNode message = item.path("message");
        String channel = item.path("channel").asText(event.path("channel_id").asText(null));
        if (!"message".equals(item.path("type").asText()) || channel == null
                || (!message.isMissingNode() && bot.posted(message))) {
            return Optional.empty();
        }
        String ts = message.path("ts").asText(item.path("ts").asText(null));
        return Optional.of(new ChannelEvent.PinChanged(channel, MessageEvents.checked(ts), pinned,
                MessageEvents.eventTime(event, envelopeTime)));
    }

    /** {@code member_joined_channel} / {@code member_left_channel}: {@code user}, {@code channel}, maybe {@code event_ts}. */
    private static Optional<ChannelEvent> membership(JsonNode event, BotUser bot, boolean joined, Instant envelopeTime) {
        String user = MessageEvents.user(event);
        String channel = event.path("channel").asText(null);
        if (user == null || channel == null || channel.isEmpty() || bot.isBot(user)) {
            return Optional.empty();
        }
        Instant at = MessageEvents.eventTime(event, envelopeTime);
        return Optional.of(joined ? new ChannelEvent.MemberJoined(channel, user, at)
                : new ChannelEvent.MemberLeft(channel, user, at));
    }
}
