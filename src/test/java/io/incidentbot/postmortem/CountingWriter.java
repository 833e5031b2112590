package io.incidentbot.postmortem;

import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A writer that keeps no text, only what a test needs to check a very long draft: its size, its
 * headings in order, and how many top-level and nested list items each {@code ##} section has.
 */
public final class CountingWriter extends Writer {
    private final StringBuilder line = new StringBuilder();
    private final List<String> headings = new ArrayList<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final Map<String, Integer> nestedItems = new HashMap<>();
    private String section = "";
    private long chars;
    private long lines;

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            chars++;
            if (c == '\n') {
                endLine();
            } else if (line.length() < 200) {
                line.append(c);
            }
        }
    }

    private void endLine() {
        lines++;
        String l = line.toString();
        line.setLength(0);
        if (l.startsWith("#")) {
            headings.add(l);
            if (l.startsWith("## ")) {
                section = l.substring(3);
            }
        } else if (l.startsWith("- ")) {
            items.merge(section, 1, Integer::sum);
        } else if (l.startsWith("  - ")) {
            nestedItems.merge(section, 1, Integer::sum);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    public long chars() {
        return chars;
    }

    public long lines() {
        return lines;
    }

    /** @return every line starting with {@code #}, in order */
    public List<String> headings() {
        return headings;
    }

    /** @return lines starting with {@code "- "} under the {@code ##} heading {@code section} */
    public int items(String section) {
        return items.getOrDefault(section, 0);
    }

    /** @return lines starting with {@code "  - "} under the {@code ##} heading {@code section} */
    public int nestedItems(String section) {
        return nestedItems.getOrDefault(section, 0);
    }
}
