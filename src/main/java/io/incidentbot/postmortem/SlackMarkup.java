package io.incidentbot.postmortem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Slack message markup into readable Markdown.
 *
 * <p>Slack escapes {@code &}, {@code <} and {@code >} in message text and writes mentions and links
 * between angle brackets. This converts:
 * <ul>
 *   <li>{@code <@U123|name>} to {@code @Display Name} (from {@link DisplayNames}, else {@code @name}),
 *       {@code <@U123>} to {@code @Display Name}, else {@code <@U123>} unchanged;</li>
 *   <li>{@code <#C123|general>} to {@code #general} ({@code #C123} without a name);</li>
 *   <li>{@code <!here>}, {@code <!channel>}, {@code <!everyone>} to {@code @here} etc.; user groups
 *       and dates to their label;</li>
 *   <li>{@code <https://x|label>} to {@code [label](https://x)}, {@code <https://x>} to {@code https://x};</li>
 *   <li>{@code &amp;}, {@code &lt;}, {@code &gt;} to the characters, except that a {@code <} that could
 *       start an HTML tag is written {@code \<} so Markdown viewers show it instead of swallowing it.</li>
 * </ul>
 * Slack's {@code *bold*} and code blocks are left as they are.
 */
public final class SlackMarkup {
    private static final Pattern TOKEN = Pattern.compile("<([^<>\\n]*)>");
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private SlackMarkup() {
    }

    /**
     * @param text  message text as Slack stores it, may be null
     * @param names display names for user mentions
     * @return Markdown text ({@code ""} for null); line breaks are kept
     */
    public static String toMarkdown(String text, DisplayNames names) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(plain(text.substring(last, m.start())));
            out.append(token(m.group(1), names));
            last = m.end();
        }
        out.append(plain(text.substring(last)));
        return out.toString();
    }

    private static String token(String inner, DisplayNames names) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : plain(inner.substring(bar + 1)).strip();
        if (target.startsWith("@")) {
            String id = target.substring(1);
            return names.find(id).map(n -> "@" + n)
                    .orElse(label.isEmpty() ? "<@" + id + ">" : "@" + label.replaceFirst("^@", ""));
        }
        if (target.startsWith("#")) {
            return "#" + (label.isEmpty() ? target.substring(1) : label);
        }
        if (target.startsWith("!")) {
            String command = target.substring(1).replaceFirst("\\^.*", "");
            boolean broadcast = command.matches("here|channel|everyone");
            return broadcast || label.isEmpty() ? "@" + command : label;
        }
        return link(unescape(target), label);
    }

    private static String link(String url, String label) {
        return label.isEmpty() || label.equals(url) ? url : Md.link(label, url);
    }

    /** Unescapes Slack's entities in ordinary text and keeps a literal {@code <} from starting HTML. */
    private static String plain(String s) {
        return TAG_START.matcher(unescape(s)).replaceAll("\\\\<");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
