package io.incidentbot.postmortem;

import io.incidentbot.markup.Mentions;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The timeline of key events: every command entry (declared, status, severity and role changes,
 * notes, status updates, follow-ups, resolved, reopened) and every message marked as a key event
 * (pinned or given the key-event emoji), in timeline order. Deleted entries never appear.
 *
 * <p>Each item starts with its number in bold, {@code **(7)**}, counted from 1 in timeline order: the
 * timeline picture ({@link TimelineChart}) draws key event 7 as a circle with 7 in it. The number is
 * written in the item rather than as an ordered list ({@code 7.}) because a date heading between
 * items would make some Markdown renderers (and Slack canvases) restart an ordered list at 1.
 */
final class KeyEvents {
    private final Appendable out;
    private final EntryText text;
    private final DayHeadings days;
    private int number;

    KeyEvents(Appendable out, EntryText text, DayHeadings days) {
        this.out = out;
        this.text = text;
        this.days = days;
    }

    /** @return the item head of key event {@code number}, e.g. {@code **(7)** } */
    static String marker(int number) {
        return "**(" + number + ")** ";
    }

    /** @return true when the entry belongs in the timeline of key events */
    static boolean isKeyEvent(TimelineEntry e) {
        return !e.deleted() && (e.kind() != EntryKind.MESSAGE || e.keyEvent());
    }

    /** Writes the key events of {@code entries} ({@link TimelineSource#forEachKeyEvent}). */
    void write(TimelineSource entries) throws IOException {
        try {
            entries.forEachKeyEvent(e -> {
                if (isKeyEvent(e)) {
                    write(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void write(TimelineEntry e) {
        StringBuilder s = new StringBuilder(days.before(e.at()));
        String where = e.kind() == EntryKind.MESSAGE && e.isThreadReply() ? " (in a thread)" : "";
        number++;
        Md.item(s, 0, marker(number) + days.timeOf(e.at()) + " " + text.who(e) + where + ": ", describe(e));
        try {
            out.append(s);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private String describe(TimelineEntry e) {
        return switch (e.kind()) {
            case MESSAGE -> text.message(e);
            case ROLE_CHANGE -> "Assigned " + text.markdown(Mentions.inEntry(e));
            case NOTE -> "Note: " + text.markdown(Mentions.inEntry(e));
            case STATUS_UPDATE -> "Status update: " + text.markdown(Mentions.inEntry(e));
            case FOLLOW_UP -> "Follow-up: " + text.markdown(Mentions.inEntry(e));
            default -> text.markdown(Mentions.inEntry(e));
        };
    }
}
