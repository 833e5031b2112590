package io.incidentbot.timeline;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened in a Slack channel and may change an incident's timeline, already read
 * out of Slack's event payload. Every Slack {@code ts} here is a string of epoch seconds with six
 * digits of microseconds ({@code "1712345678.000200"}); times are when it happened in Slack, never
 * when the bot received it.
 */
public sealed interface ChannelEvent {

    /** @return the Slack channel ID ({@code C...} or {@code G...}) it happened in */
    String channelId();

    /**
     * A human message: a plain message, thread reply, thread broadcast, file share or {@code /me}.
     *
     * @param channelId channel ID
     * @param ts        the message's {@code ts}; also its time on the timeline
     * @param threadTs  the parent's {@code ts} for a thread reply, else null
     * @param userId    author's Slack user ID
     * @param text      text with Slack markup, never null (empty for a file shared without comment)
     * @param files     files shared with it, empty if none
     */
    record MessagePosted(String channelId, String ts, String threadTs, String userId, String text,
                         List<TimelineEntry.SharedFile> files) implements ChannelEvent {
        public MessagePosted {
            text = text == null ? "" : text;
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** @return the message's time: its {@code ts} as an instant */
        public Instant at() {
            return SlackTs.toInstant(ts);
        }
    }

    /**
     * A {@code message_changed} that changed the text.
     *
     * @param channelId channel ID
     * @param ts        the edited message's {@code ts}
     * @param text      the text after the edit
     * @param editedAt  when it was edited ({@code message.edited.ts})
     */
    record MessageEdited(String channelId, String ts, String text, Instant editedAt) implements ChannelEvent {
    }

    /**
     * A {@code message_deleted} (or the tombstone Slack leaves for a deleted thread parent).
     *
     * @param channelId channel ID
     * @param ts        the deleted message's {@code ts}
     * @param deletedAt when it was deleted
     */
    record MessageDeleted(String channelId, String ts, Instant deletedAt) implements ChannelEvent {
    }

    /**
     * {@code pin_added} ({@code pinned} true) or {@code pin_removed} on a message.
     *
     * @param channelId channel ID
     * @param ts        the message's {@code ts}
     * @param pinned    true when pinned, false when unpinned
     * @param at        when it happened ({@code event_ts})
     */
    record PinChanged(String channelId, String ts, boolean pinned, Instant at) implements ChannelEvent {
    }

    /**
     * {@code reaction_added} ({@code added} true) or {@code reaction_removed} on a message.
     *
     * @param channelId channel ID
     * @param ts        the message's {@code ts}
     * @param userId    who reacted
     * @param emoji     the reaction's name without colons, e.g. {@code pushpin} or {@code +1::skin-tone-2}
     * @param added     true for added, false for removed
     * @param at        when it happened ({@code event_ts})
     */
    record ReactionChanged(String channelId, String ts, String userId, String emoji, boolean added, Instant at)
            implements ChannelEvent {
    }

    /**
     * Someone joined the channel ({@code member_joined_channel} or a {@code channel_join} message).
     *
     * @param channelId channel ID
     * @param userId    who joined
     * @param at        when
     */
    record MemberJoined(String channelId, String userId, Instant at) implements ChannelEvent {
    }

    /**
     * Someone left the channel or was removed ({@code member_left_channel}, or a {@code channel_leave} /
     * {@code group_leave} message): from then on they no longer see a private incident in lists.
     *
     * @param channelId channel ID
     * @param userId    who left
     * @param at        when
     */
    record MemberLeft(String channelId, String userId, Instant at) implements ChannelEvent {
    }
}
