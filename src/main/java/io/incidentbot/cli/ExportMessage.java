package io.incidentbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry.SharedFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One message of a Slack export day file, with what the import needs.
 *
 * @param ts       Slack {@code ts}: epoch seconds with microseconds, e.g. {@code "1773528150.288390"}
 * @param at       {@code ts} as an instant
 * @param threadTs {@code thread_ts}: the thread's first message, null outside threads
 * @param user     Slack user ID of the author, may be null; for an old export's {@code file_comment}, the
 *                 commenter ({@code comment.user})
 * @param subtype  Slack's message subtype, null for an ordinary message
 * @param fromBot  true for {@code bot_message}s and messages with a {@code bot_id}
 * @param text     the text as it ended (exports hold the edited text), Slack markup kept; for a
 *                 {@code file_comment}, the comment's own text ({@code comment.comment})
 * @param editedAt when it was last edited ({@code edited.ts}), null if never
 * @param files    files shared with it (deleted files left out): the {@code files} list, and the single
 *                 {@code file} object of exports from before 2018 ({@code file_share}, {@code file_comment};
 *                 see Slack's {@code message/file_comment} event reference)
 * @param keyEvent pinned to the channel, or given a {@code :pushpin:} reaction
 */
record ExportMessage(String ts, Instant at, String threadTs, String user, String subtype, boolean fromBot,
                     String text, Instant editedAt, List<SharedFile> files, boolean keyEvent) {

    /** What the import does with a message. */
    enum Kind {
        /**
         * A person's message (thread replies, broadcasts, {@code /me}, file shares and old exports' file
         * comments included): a timeline entry.
         */
        HUMAN,
        /** Someone joined: a participant, no entry. */
        JOIN,
        /** A deleted message Slack left in place for its thread ({@code tombstone}): stored as deleted. */
        DELETED,
        /** Posted by a bot or app: not a person's message. */
        BOT,
        /** Any other system message (topic, purpose, leave, ...): skipped. */
        SYSTEM
    }

    private static final Set<String> HUMAN_SUBTYPES = Set.of("thread_broadcast", "me_message", "file_share",
            "file_comment");

    /**
     * @param m    a message object of a day file
     * @param pins {@code ts} of the messages the channel lists as pinned
     * @param file the day file, for the error message
     * @param ids  user IDs read so far, each as one string: the message's author is taken from it (and added
     *             to it), so the messages of an export share a string per person instead of one per message
     * @throws CliException when the message has no valid {@code ts} (the message names the file, not the value)
     */
    static ExportMessage parse(JsonNode m, Set<String> pins, String file, Map<String, String> ids) throws CliException {
        String ts = SlackExport.text(m, "ts");
        Instant at;
        try {
            at = SlackTs.toInstant(ts);
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": a message has no valid ts");
        }
        boolean pinned = m.path("pinned_to").size() > 0 || pins.contains(ts);
        boolean pushpin = false;
        for (JsonNode r : m.path("reactions")) {
            pushpin |= r.path("name").asText().equals("pushpin");
        }
        String edited = SlackExport.text(m.path("edited"), "ts");
        Instant editedAt = null;
        if (edited != null) {
            try {
                editedAt = SlackTs.toInstant(edited);
            } catch (IllegalArgumentException e) {
                editedAt = at;
            }
        }
        String subtype = SlackExport.text(m, "subtype");
        boolean fromBot = m.hasNonNull("bot_id") || "bot_message".equals(subtype);
        String user = SlackExport.text(m, "user");
        String text = m.path("text").asText("");
        JsonNode comment = m.path("comment");
        if ("file_comment".equals(subtype) && comment.isObject()) {
            user = SlackExport.text(comment, "user") != null ? SlackExport.text(comment, "user") : user;
            text = comment.hasNonNull("comment") ? comment.get("comment").asText() : text;
        }
        if (user != null) {
            user = ids.computeIfAbsent(user, u -> u);
        }
        return new ExportMessage(ts, at, SlackExport.text(m, "thread_ts"), user, subtype,
                fromBot, text, editedAt, files(m), pinned || pushpin);
    }

    private static List<SharedFile> files(JsonNode m) {
        List<SharedFile> files = new ArrayList<>();
        List<JsonNode> shared = new ArrayList<>();
        m.path("files").forEach(shared::add);
        JsonNode single = m.path("file");
        if (shared.isEmpty() && (single.hasNonNull("name") || single.hasNonNull("title") || single.hasNonNull("permalink")
                || single.hasNonNull("url_private"))) {
            shared.add(single);
        }
        for (JsonNode f : shared) {
            if (f.path("mode").asText().equals("tombstone")) {
                continue;
            }
            String name = f.hasNonNull("name") ? f.get("name").asText() : f.path("title").asText("file");
            String link = f.hasNonNull("permalink") ? f.get("permalink").asText() : SlackExport.text(f, "url_private");
            files.add(new SharedFile(name, link));
        }
        return files;
    }

    /**
     * @param bots Slack user IDs of bots and apps (from {@code users.json})
     * @return what the import does with this message
     */
    Kind kind(Set<String> bots) {
        if ("tombstone".equals(subtype)) {
            return Kind.DELETED;
        }
        if (fromBot || (user != null && bots.contains(user))) {
            return "channel_join".equals(subtype) ? Kind.SYSTEM : Kind.BOT;
        }
        if ("channel_join".equals(subtype)) {
            return user == null ? Kind.SYSTEM : Kind.JOIN;
        }
        return user != null && (subtype == null || HUMAN_SUBTYPES.contains(subtype)) ? Kind.HUMAN : Kind.SYSTEM;
    }
}
