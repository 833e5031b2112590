package io.incidentbot.slack.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.timeline.ChannelEvent;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry.SharedFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code message} events, whatever their subtype. Human messages ({@code subtype} absent,
 * {@code thread_broadcast}, {@code file_share}, {@code me_message}) become posts; {@code message_changed}
 * an edit (or a deletion for a thread parent's tombstone); {@code message_deleted} a deletion;
 * {@code channel_join} / {@code group_join} a join; {@code channel_leave} / {@code group_leave} a leave. Bots' messages and every other subtype
 * ({@code bot_message}, {@code channel_topic}, {@code pinned_item}, ...) change nothing.
 */
final class MessageEvents {
    /** Subtypes of messages people write. */
    private static final Set<String> HUMAN = Set.of("thread_broadcast", "file_share", "me_message");

    private MessageEvents() {
    }

    /**
     * @param event the {@code event} object of a {@code message} event
     * @param bot   the bot, whose messages are not captured
     * @param envelopeTime the envelope's {@code event_time}, for events without {@code event_ts}; may be null
     * @return the channel event, or empty when the message changes no timeline
     * @throws IllegalArgumentException when a {@code ts} in it is malformed
     */
    static Optional<ChannelEvent> read(JsonNode event, BotUser bot, Instant envelopeTime) {
        String subtype = event.path("subtype").asText(null);
        String channel = event.path("channel").asText(null);
        if (channel == null) {
            return Optional.empty();
        }
        if (subtype == null || HUMAN.contains(subtype)) {
            return bot.posted(event) ? Optional.empty() : Optional.of(posted(channel, event));
        }
        return switch (subtype) {
            case "message_changed" -> changed(channel, event, bot, envelopeTime);
            case "message_deleted" -> deleted(channel, event, bot, envelopeTime);
            case "channel_join", "group_join" -> membership(channel, event, bot, true, envelopeTime);
            case "channel_leave", "group_leave" -> membership(channel, event, bot, false, envelopeTime);
            default -> Optional.empty();
        };
    }

    private static ChannelEvent posted(String channel, JsonNode m) {
        String ts = checked(m.path("ts").asText(null));
        String threadTs = m.path("thread_ts").asText(null);
        return new ChannelEvent.MessagePosted(channel, ts, ts.equals(threadTs) ? null : threadTs,
                user(m), m.path("text").asText(""), files(m.path("files")));
    }

    private static List<SharedFile> files(JsonNode files) {
        List<SharedFile> out = new ArrayList<>();
        for (JsonNode f : files) {
            String name = f.path("name").asText(f.path("title").asText("file"));
            out.add(new SharedFile(name, f.path("permalink").asText(null)));
        }
        return out;
    }

    /**
     * An edit when the text changed: timed by {@code message.edited.ts}, or, when Slack gives none but the
     * text differs from {@code previous_message}, by the event's {@code ts}. Unfurls and thread reply
     * counts also arrive as {@code message_changed}; with no new text they change nothing.
     */
    private static Optional<ChannelEvent> changed(String channel, JsonNode event, BotUser bot, Instant envelopeTime) {
        JsonNode m = event.path("message");
        JsonNode previous = event.path("previous_message");
        if (m.isMissingNode() || (bot.posted(m) && !"tombstone".equals(m.path("subtype").asText(null)))
                || (!previous.isMissingNode() && bot.posted(previous))) {
            return Optional.empty();
        }
        String ts = checked(m.path("ts").asText(previous.path("ts").asText(null)));
        if ("tombstone".equals(m.path("subtype").asText(null))) {
            return Optional.of(new ChannelEvent.MessageDeleted(channel, ts, eventTime(event, envelopeTime)));
        }
        String text = m.path("text").asText("");
        String editedTs = m.path("edited").path("ts").asText(null);
        if (editedTs != null) {
            return Optional.of(new ChannelEvent.MessageEdited(channel, ts, text, SlackTs.toInstant(editedTs)));
        }
        if (previous.has("text") && !previous.path("text").asText("").equals(text)) {
            return Optional.of(new ChannelEvent.MessageEdited(channel, ts, text, eventTime(event, envelopeTime)));
        }
        return Optional.empty();
    }

    private static Optional<ChannelEvent> deleted(String channel, JsonNode event, BotUser bot, Instant envelopeTime) {
        JsonNode previous = event.path("previous_message");
        if (!previous.isMissingNode() && bot.posted(previous)) {
            return Optional.empty();
        }
        String ts = checked(event.path("deleted_ts").asText(previous.path("ts").asText(null)));
        return Optional.of(new ChannelEvent.MessageDeleted(channel, ts, eventTime(event, envelopeTime)));
    }

    private static Optional<ChannelEvent> membership(String channel, JsonNode event, BotUser bot, boolean joined,
                                                     Instant envelopeTime) {
        String user = user(event);
        if (user == null || bot.isBot(user)) {
            return Optional.empty();
        }
        Instant at = eventTime(event, envelopeTime);
        return Optional.of(joined ? new ChannelEvent.MemberJoined(channel, user, at)
                : new ChannelEvent.MemberLeft(channel, user, at));
    }

    /** @return the event's {@code user}, null when absent or empty ({@code ""} is no user) */
    static String user(JsonNode event) {
        String user = event.path("user").asText(null);
        return user == null || user.isBlank() ? null : user;
    }

    /**
     * @return when the event happened: its {@code event_ts}, else its {@code ts}
     * @throws IllegalArgumentException when neither is a Slack {@code ts}
     */
    static Instant eventTime(JsonNode event) {
        return SlackTs.toInstant(event.path("event_ts").asText(event.path("ts").asText(null)));
    }

    /**
     * @param envelopeTime the envelope's {@code event_time}, may be null
     * @return {@link #eventTime(JsonNode)}, or {@code envelopeTime} when the event has neither
     *         {@code event_ts} nor {@code ts}
     * @throws IllegalArgumentException when there is no time at all, or a malformed one
     */
    static Instant eventTime(JsonNode event, Instant envelopeTime) {
        if (envelopeTime != null && !event.hasNonNull("event_ts") && !event.hasNonNull("ts")) {
            return envelopeTime;
        }
        return eventTime(event);
    }

    /**
     * @return {@code ts} unchanged
     * @throws IllegalArgumentException when it is not a Slack {@code ts} ("1712345678.000200")
     */
    static String checked(String ts) {
        SlackTs.toInstant(ts);
        return ts;
    }
}
