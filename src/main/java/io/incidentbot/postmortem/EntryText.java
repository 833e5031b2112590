package io.incidentbot.postmortem;

import io.incidentbot.markup.Mentions;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.timeline.TimelineEntry.SharedFile;

import java.util.StringJoiner;

/** The Markdown text of one timeline entry: its words with Slack markup made readable, edit mark, files. */
final class EntryText {
    private final DisplayNames names;

    EntryText(DisplayNames names) {
        this.names = names;
    }

    /** @return the author's (or actor's) display name in bold */
    String who(TimelineEntry e) {
        return Md.strong(names.of(e.userId()));
    }

    /** @return Slack markup in {@code text} turned into Markdown */
    String markdown(String text) {
        return SlackMarkup.toMarkdown(text, names);
    }

    /**
     * @return the message text, then {@code _(edited)_} when it was edited, then its files as links;
     *         {@code _(no text)_} when there is nothing at all
     */
    String message(TimelineEntry e) {
        StringBuilder s = new StringBuilder(markdown(Mentions.inEntry(e)).strip());
        if (!e.files().isEmpty()) {
            s.append(s.isEmpty() ? "" : " ").append(files(e));
        }
        if (s.isEmpty()) {
            s.append("_(no text)_");
        }
        if (e.editedAt() != null) {
            s.append(" _(edited)_");
        }
        return s.toString();
    }

    private static String files(TimelineEntry e) {
        StringJoiner links = new StringJoiner(", ", "📎 ", "");
        for (SharedFile f : e.files()) {
            String name = f.name() == null || f.name().isBlank() ? "file" : Md.oneLine(f.name());
            links.add(f.permalink() == null || f.permalink().isBlank() ? name : Md.link(name, f.permalink()));
        }
        return links.toString();
    }
}
