package io.incidentbot.postmortem;

import java.util.regex.Pattern;

/** Small Markdown helpers that keep user text from breaking the draft's structure. */
final class Md {
    /** A line that would start a heading, or underline the line above into one, or draw a rule. */
    private static final Pattern OUTLINE = Pattern.compile("^( {0,3})(#|[=*_-](?=[ =*_-]*$))");
    private static final String FENCE = "```";

    private Md() {
    }

    /**
     * @return {@code text} fit for a table cell: line breaks become spaces, {@code |} is escaped,
     *         {@code —} for null or blank
     */
    static String cell(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        return oneLine(text).replace("|", "\\|");
    }

    /**
     * @return {@code text} as top-level Markdown that cannot change the draft's outline: a line that would
     *         start a heading or a rule gets a leading backslash; "" for null
     */
    static String block(String text) {
        return text == null ? "" : closeFences(String.join("\n", outlineSafe(text.strip().split("\\R", -1))));
    }

    /** @return {@code text} with a closing fence added when a code block in it is left open */
    static String closeFences(String text) {
        if (!text.contains(FENCE)) {
            return text;
        }
        boolean open = false;
        for (String line : text.split("\\R", -1)) {
            if (line.stripLeading().startsWith(FENCE)) {
                open = !open;
            }
        }
        return open ? text + "\n" + FENCE : text;
    }

    /**
     * Escapes, in place, lines that would start a heading or a rule; lines inside {@code ```} code
     * blocks are left alone.
     *
     * @return {@code lines}
     */
    private static String[] outlineSafe(String[] lines) {
        boolean inCode = false;
        for (int i = 0; i < lines.length; i++) {
            if (!inCode) {
                lines[i] = OUTLINE.matcher(lines[i]).replaceFirst("$1\\\\$2");
            }
            int fences = (lines[i].length() - lines[i].replace(FENCE, "").length()) / FENCE.length();
            inCode ^= fences % 2 == 1;
        }
        return lines;
    }

    /**
     * @return plain {@code text} (a title) safe inline in Markdown: {@code \ ` * _ [ ] < > & ~ #} are
     *         backslash-escaped, so it shows as typed and cannot add emphasis, links, HTML or code
     */
    static String inline(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]<>&~#])", "\\\\$1");
    }

    /** @return {@code text} on one line (for headings): runs of line breaks become one space */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Appends a list item whose text may span lines: continuation lines are indented to stay in the item.
     *
     * @param depth 0 for a top-level item, 1 for an item nested under it
     * @param head  what comes right after the bullet (time, name)
     * @param text  Markdown text, may contain line breaks; trailing line breaks are dropped; a code
     *              fence at its start moves to the next line, where it can open a block
     */
    static void item(StringBuilder out, int depth, String head, String text) {
        String indent = "  ".repeat(depth);
        out.append(indent).append("- ").append(head);
        String body = text == null ? "" : closeFences(text.stripTrailing());
        if (body.startsWith("```")) {
            body = "\n" + body;
        }
        String[] lines = hasLineBreak(body) ? body.split("\\R", -1) : new String[] {body};
        if (lines.length > 1) {
            String first = lines[0];
            outlineSafe(lines);
            lines[0] = first;
        }
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
                if (!lines[i].isBlank()) {
                    out.append(indent).append("  ").append(lines[i].stripTrailing());
                }
            } else {
                out.append(lines[i].stripTrailing());
                trimTrailingSpaces(out);
            }
        }
        out.append('\n');
    }

    /** @return true when {@code s} holds a character that {@code \R} matches */
    private static boolean hasLineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /**
     * @param label link text, Markdown (brackets are escaped)
     * @param url   destination; wrapped in {@code <>} when it holds spaces or parentheses
     * @return {@code [label](url)}
     */
    static String link(String label, String url) {
        String dest = url.matches("[^\\s()<>]*") ? url
                : "<" + url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E") + ">";
        return "[" + label.replace("[", "\\[").replace("]", "\\]") + "](" + dest + ")";
    }

    /** @return {@code text} in bold, its asterisks escaped */
    static String strong(String text) {
        return "**" + text.replace("*", "\\*") + "**";
    }
}
