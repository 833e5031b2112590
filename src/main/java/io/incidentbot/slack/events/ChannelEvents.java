package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.timeline.ChannelEvent;

import java.util.Optional;

/**
 * Reads the Events API events the manifest subscribes to ({@code message} with any subtype,
 * {@code reaction_added}, {@code reaction_removed}, {@code pin_added}, {@code pin_removed},
 * {@code member_joined_channel}) into {@link ChannelEvent}s, from the raw JSON of the {@code event}
 * object. Pure: no storage, no Slack calls.
 */
final class ChannelEvents {
    private ChannelEvents() {
    }

    /**
     * @param event the {@code event} object of an {@code event_callback}
     * @param bot   the bot, whose own messages, reactions targets and joins are not captured
     * @return the channel event, or empty when the event cannot change a timeline (other event types,
     *         reactions or pins on files, bots' messages...)
     * @throws IllegalArgumentException when a {@code ts} or {@code event_ts} in it is malformed
     */
    static Optional<ChannelEvent> read(JsonNode event, BotUser bot) {
        return switch (event.path("type").asText("")) {
            case "message" -> MessageEvents.read(event, bot);
            case "reaction_added" -> reaction(event, bot, true);
            case "reaction_removed" -> reaction(event, bot, false);
            case "pin_added" -> pin(event, bot, true);
            case "pin_removed" -> pin(event, bot, false);
            case "member_joined_channel" -> joined(event, bot);
            default -> Optional.empty();
        };
    }

    /** {@code item: {type: message, channel, ts}}; reactions on the bot's own messages are skipped. */
    private static Optional<ChannelEvent> reaction(JsonNode event, BotUser bot, boolean added) {
        JsonNode item = event.path("item");
        String channel = item.path("channel").asText(null);
        String user = event.path("user").asText(null);
        if (!"message".equals(item.path("type").asText()) || channel == null || user == null
                || bot.isBot(event.path("item_user").asText(null))) {
            return Optional.empty();
        }
        return Optional.of(new ChannelEvent.ReactionChanged(channel, MessageEvents.checked(item.path("ts").asText(null)),
                user, event.path("reaction").asText(""), added, MessageEvents.eventTime(event)));
    }

    /** {@code channel_id}, {@code item: {type: message, channel, message: {ts, ...}}}; the bot's messages are skipped. */
    private static Optional<ChannelEvent> pin(JsonNode event, BotUser bot, boolean pinned) {
        JsonNode item = event.path("item");
        JsonNode message = item.path("message");
        String channel = item.path("channel").asText(event.path("channel_id").asText(null));
        if (!"message".equals(item.path("type").asText()) || channel == null
                || (!message.isMissingNode() && bot.posted(message))) {
            return Optional.empty();
        }
        String ts = message.path("ts").asText(item.path("ts").asText(null));
        return Optional.of(new ChannelEvent.PinChanged(channel, MessageEvents.checked(ts), pinned,
                MessageEvents.eventTime(event)));
    }

    private static Optional<ChannelEvent> joined(JsonNode event, BotUser bot) {
        String user = event.path("user").asText(null);
        String channel = event.path("channel").asText(null);
        if (user == null || channel == null || bot.isBot(user)) {
            return Optional.empty();
        }
        return Optional.of(new ChannelEvent.MemberJoined(channel, user, MessageEvents.eventTime(event)));
    }
}
