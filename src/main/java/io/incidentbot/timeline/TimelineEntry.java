package io.incidentbot.timeline;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of an incident's timeline.
 *
 * @param id         database ID (0 before it is stored)
 * @param incident   incident number
 * @param kind       what the entry records
 * @param at         the entry's time: for messages the Slack {@code ts} as an instant (microsecond
 *                   precision), for command entries the time the command ran
 * @param ts         Slack message {@code ts} ("1712345678.123456"), null for command entries
 * @param threadTs   Slack {@code thread_ts} of the parent when this is a thread reply, else null
 * @param userId     Slack user ID of the author or actor
 * @param text       for messages the text as it last stood (the author's Slack markup kept); for command
 *                   entries plain words, a user they name as a {@link #userToken} the renderers turn into their form
 * @param editedAt   time of the last {@code message_changed}, null if never edited
 * @param deleted    true after {@code message_deleted}: kept in storage, left out of the timeline
 * @param keyEvent   true when pinned or marked with the key-event emoji
 * @param files      files shared with the message
 */
public record TimelineEntry(
        long id,
        long incident,
        EntryKind kind,
        Instant at,
        String ts,
        String threadTs,
        String userId,
        String text,
        Instant editedAt,
        boolean deleted,
        boolean keyEvent,
        List<SharedFile> files) {

    /** A {@link #userToken}; group 1 is the user ID. */
    public static final Pattern USER_TOKEN = Pattern.compile("@\\{([UW][A-Z0-9]+)}");

    /**
     * @param userId a user ID ({@code U...} or {@code W...})
     * @return how a command entry's text names that user ({@code @{U123}}): neutral, not any chat's markup
     */
    public static String userToken(String userId) {
        return "@{" + userId + "}";
    }

    /**
     * Entry texts are in the markup of the messages they sit among ({@code &}, {@code <}, {@code >}
     * escaped as {@code &amp;}, {@code &lt;}, {@code &gt;}); plain text, such as an incident title, goes
     * into an entry's text through this.
     *
     * @param plain plain text, may be null
     * @return the text with those three characters escaped; null for null
     */
    public static String literal(String plain) {
        return plain == null ? null : plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public TimelineEntry {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** @return true when this is a thread reply (its {@code thread_ts} differs from its {@code ts}) */
    public boolean isThreadReply() {
        return threadTs != null && !threadTs.equals(ts);
    }

    /**
     * A file shared in a message.
     *
     * @param name      file name, e.g. {@code graph.png}
     * @param permalink Slack permalink URL, may be null
     */
    public record SharedFile(String name, String permalink) {
    }
}
