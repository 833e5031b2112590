package io.incidentbot.markup;

import io.incidentbot.timeline.TimelineEntry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User mentions in Slack markup: {@code <@U123>} or, as Slack escapes them in slash command text
 * ({@code should_escape: true}), {@code <@U123|name>}. The one mention pattern of the code base: the
 * command parser, the renderer, the import's parser of bot posts and the postmortem draft use it.
 */
public final class Mentions {
    /** {@code <@U123>} or {@code <@U123|name>}; user IDs start with U or W; group 1 is the ID. */
    public static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    /**
     * A Slack user ID as Slack issues them: {@code U} or {@code W}, then at least two capital letters or digits,
     * at most {@value #MAX_USER_ID} characters in all (today's are 9 to 11).
     */
    public static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");

    /** The longest user ID accepted from a payload. */
    public static final int MAX_USER_ID = 32;

    /**
     * @param id a user ID from a payload (e.g. a {@code users_select} value), may be null
     * @return true when it has the shape of a Slack user ID ({@link #USER_ID}); false for anything that could
     *         carry markup ({@code U1><!channel}) or break a later message (a 5,000-character ID)
     */
    public static boolean isUserId(String id) {
        return id != null && id.length() <= MAX_USER_ID && USER_ID.matcher(id).matches();
    }

    /**
     * @return the entry's text in Slack markup: in command entries each {@link TimelineEntry#userToken} becomes a
     *         mention ({@code @{U123}} to {@code <@U123>}); message texts are returned as they are
     */
    public static String inEntry(TimelineEntry e) {
        if (e.text() == null || !e.kind().isCommand()) {
            return e.text();
        }
        return TimelineEntry.USER_TOKEN.matcher(e.text()).replaceAll("<@$1>");
    }

    /** @return the mention of a Slack user ID: {@code <@U123>} */
    public static String of(String userId) {
        return "<@" + userId + ">";
    }

    private Mentions() {
    }

    /**
     * @param text a single argument, e.g. {@code <@U123|alice>}
     * @return the user ID when the whole argument is one mention
     */
    public static Optional<String> user(String text) {
        Matcher m = MENTION.matcher(text == null ? "" : text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Splits a trailing owner mention off a follow-up: {@code "fix alerts <@U1|bob>"}.
     *
     * @return {@code [text, userId]}, userId null when the text does not end with a mention
     */
    public static String[] trailingUser(String text) {
        Matcher m = Pattern.compile("^(.*?)\\s*" + MENTION.pattern() + "\\s*$", Pattern.DOTALL).matcher(text.strip());
        if (m.matches() && !m.group(1).isBlank()) {
            return new String[] {m.group(1).strip(), m.group(2)};
        }
        return new String[] {text.strip(), null};
    }
}
