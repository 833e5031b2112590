package io.incidentbot.slack.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text people typed, on its way in and out of Slack. The one place that knows Slack's text encoding.
 *
 * <p>Two representations, each decoded once on the way in and encoded once on the way out:
 * <ul>
 *   <li><b>Titles are plain text</b>: {@link #plain} reads them from slash command text (where Slack
 *       escapes {@code &}, {@code <}, {@code >} as {@code &amp;}, {@code &lt;}, {@code &gt;} and writes
 *       mentions and links between angle brackets); {@link Messages#escape} writes them into mrkdwn, the
 *       channel name is made from the plain text.</li>
 *   <li><b>Free texts (notes, status updates, follow-ups, summaries, messages) are Slack markup</b>, as
 *       Slack sends them, so mentions keep working; plain input (a modal's text field) is turned into
 *       markup by {@link Messages#escape}. Every post of such text goes through {@link #inert}.</li>
 * </ul>
 * See Slack's "Formatting text for app surfaces" (escaping, special mentions, links).
 */
public final class UserText {
    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    /** U+2060 WORD JOINER: keeps {@code @here} looking the same while no parser can read it as a mention. */
    private static final String JOINER = "\u2060";

    private UserText() {
    }

    /**
     * Makes user-supplied markup safe for the bot to post: broadcasts ({@code <!here>}, {@code <!channel>},
     * {@code <!everyone>}, {@code <!subteam^S123|@oncall>}) become inert text ({@code @here} with a word
     * joiner after the {@code @}, so nobody is notified), and a masked link ({@code <https://x|Log in>})
     * shows its real address: {@code Log in (<https://x>)}. User and channel mentions, plain links and
     * {@code <!date^...>} are kept.
     *
     * @param markup Slack markup as Slack sends it, may be null
     * @return the same text with nothing that notifies a group or hides where a link goes; null for null
     */
    public static String inert(String markup) {
        if (markup == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(markup);
        StringBuilder out = new StringBuilder(markup.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(inertToken(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The last guard on every {@code text} the bot sends with {@code chat.postMessage} or {@code chat.update}
     * (the notification and fallback of its blocks): defuses any broadcast left in it ({@code <!here>},
     * {@code <!channel>}, {@code <!everyone>}, {@code <!subteam^...>}) exactly as {@link #inert} does, keeping
     * the bot's own mentions, date tokens and links. The bot never notifies a group; user text inside the
     * post has already been through {@link #inert} (masked links shown) or {@link Messages#escape}.
     *
     * @param text a whole post's text, may be null
     * @return the text with no broadcast; null for null
     */
    public static String outgoing(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            String inner = m.group(1);
            String token = inner.startsWith("!") && !inner.startsWith("!date^") ? inertToken(inner) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(token));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String inertToken(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1).strip();
        if (target.startsWith("@") || target.startsWith("#") || target.startsWith("!date^")) {
            return "<" + inner + ">";
        }
        if (target.startsWith("!")) {
            String name = label.isEmpty() ? target.substring(1).replaceFirst("\\^.*", "") : label.replaceFirst("^@", "");
            return "@" + JOINER + name;
        }
        if (label.isEmpty() || label.equals(target)) {
            return "<" + target + ">";
        }
        return label + " (<" + target + ">)";
    }

    /**
     * Reads slash command text into plain text, for a title: entities decoded, mentions and links to
     * their readable form ({@code <@U1|bob>} to {@code @bob}, {@code <#C1|ops>} to {@code #ops},
     * {@code <!here>} to an inert {@code @here} as in {@link #inert}, {@code <https://x|docs>} to {@code docs (https://x)}).
     *
     * @param slackText text as Slack sends it in a slash command, may be null
     * @return plain text; null for null
     */
    public static String plain(String slackText) {
        if (slackText == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(slackText);
        StringBuilder out = new StringBuilder(slackText.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(plainToken(m.group(1))));
        }
        m.appendTail(out);
        return unescape(out.toString());
    }

    private static String plainToken(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1).strip();
        if (target.startsWith("@") || target.startsWith("!")) {
            String name = !label.isEmpty() ? label : target.substring(1).replaceFirst("\\^.*", "");
            return "@" + (target.startsWith("!") ? JOINER : "") + name.replaceFirst("^@", "");
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        return label.isEmpty() || label.equals(target) ? target : label + " (" + target + ")";
    }

    /** @return {@code &lt;}, {@code &gt;}, {@code &amp;} decoded (in that order, so each is decoded once) */
    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
