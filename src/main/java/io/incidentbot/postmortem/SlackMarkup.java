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
 *   <li>{@code <https://x|label>} to {@code [label](https://x) (`https://x`)} (the address stays visible),
 *       {@code <https://x>} to {@code https://x};</li>
 *   <li>{@code &amp;}, {@code &lt;}, {@code &gt;} to the characters, except that outside code a {@code <}
 *       that could start an HTML tag is written {@code \<} so Markdown viewers show it instead of swallowing it;</li>
 *   <li>Slack code blocks ({@code ```...```}, which may start and end mid-line) to fenced blocks on lines of
 *       their own; inside code and {@code `inline code`} the entities are converted and links shown as their
 *       bare address ({@code <http://x>} to {@code http://x}, as Slack shows them in code);</li>
 *   <li>a code fence without its partner ({@code ```} or {@code ~~~} left over) is escaped, so it cannot open
 *       a block that swallows the rest of the draft.</li>
 * </ul>
 * Slack's {@code *bold*}, {@code _italic_} and {@code ~strike~} are left as they are.
 */
public final class SlackMarkup {
    private static final Pattern CODE = Pattern.compile("```(.*?)```|`([^`\\n]+)`", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("<([^<>\\n]*)>");
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");
    /** A link Slack wrote into code: {@code <http://x>} or {@code <http://x|label>}; group 1 is the address. */
    private static final Pattern CODE_LINK = Pattern.compile("<((?:https?|ftp|mailto):[^<>|\\s]*)(?:\\|[^<>]*)?>");
    /** Three or more backticks or tildes: a code fence in Markdown. */
    private static final Pattern FENCE_RUN = Pattern.compile("`{3,}|~{3,}");

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
        StringBuilder out = new StringBuilder(text.length() + 16);
        if (text.indexOf('`') < 0) { // no code: most messages (the draft of a long incident converts tens of thousands)
            prose(out, text, names, false);
            return out.toString();
        }
        Matcher m = CODE.matcher(text);
        int last = 0;
        boolean afterBlock = false;
        while (m.find()) {
            prose(out, text.substring(last, m.start()), names, afterBlock);
            if (m.group(1) != null) {
                codeBlock(out, code(m.group(1)));
            } else {
                out.append('`').append(code(m.group(2))).append('`');
            }
            afterBlock = m.group(1) != null;
            last = m.end();
        }
        prose(out, text.substring(last), names, afterBlock);
        return out.toString();
    }

    /** Appends a fenced block on lines of its own, whatever surrounded it on the line. */
    private static void codeBlock(StringBuilder out, String code) {
        while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
        }
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append("```\n").append(code.replaceAll("^[ \\t]*\\n|\\n[ \\t]*$", "")).append("\n```");
    }

    private static void prose(StringBuilder out, String text, DisplayNames names, boolean afterBlock) {
        String rest = text;
        if (afterBlock && !rest.isEmpty()) {
            rest = rest.replaceFirst("^[ \\t]+", "");
            if (!rest.startsWith("\n") && !rest.startsWith("\r")) {
                out.append('\n');
            }
        }
        if (rest.indexOf('<') < 0) {
            out.append(plain(rest));
            return;
        }
        Matcher m = TOKEN.matcher(rest);
        int last = 0;
        while (m.find()) {
            out.append(plain(rest.substring(last, m.start())));
            out.append(token(m.group(1), names));
            last = m.end();
        }
        out.append(plain(rest.substring(last)));
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

    /**
     * A link as the draft shows it. A masked link ({@code <https://x|label>}) keeps its label as the link's
     * text and shows its address after it, {@code [label](https://x) (`https://x`)}: a label alone hides
     * where the link goes ("Open runbook" to a phishing page), and the draft is read outside Slack.
     */
    private static String link(String url, String label) {
        if (label.isEmpty() || label.equals(url)) {
            return url;
        }
        return Md.link(label, url) + " (" + (url.contains("`") ? url : "`" + url + "`") + ")";
    }

    /**
     * Unescapes Slack's entities in ordinary text, keeps a literal {@code <} from starting HTML and a
     * left-over code fence from opening a block.
     */
    private static String plain(String s) {
        String text = unescape(s);
        if (text.indexOf('<') >= 0) {
            text = TAG_START.matcher(text).replaceAll("\\\\<");
        }
        if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0) {
            return text;
        }
        return FENCE_RUN.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group().replaceAll("(.)", "\\\\$1")));
    }

    /** Code as Slack shows it: links as their bare address, entities unescaped. */
    private static String code(String s) {
        return unescape(CODE_LINK.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
