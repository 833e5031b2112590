package io.incidentbot.postmortem;

import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The appendix: every message that is not deleted, in {@code ts} order, each thread's replies indented
 * under its first message. Replies whose first message was deleted sit under {@code _(deleted message)_}
 * at its time; replies to a message the log never had (posted before the incident, say) sit at the
 * first reply's time under a line saying when that message was posted.
 */
final class ChannelLog {
    static final String DELETED_PARENT = "_(deleted message)_";

    private final Appendable out;
    private final EntryText text;
    private final DayHeadings days;
    private final TimelineScan scan;

    ChannelLog(Appendable out, EntryText text, DayHeadings days, TimelineScan scan) {
        this.out = out;
        this.text = text;
        this.days = days;
        this.scan = scan;
    }

    /** Writes the log from a second pass over {@code entries}; takes the replies out of {@code scan}. */
    void write(TimelineSource entries) throws IOException {
        try {
            entries.forEach(e -> {
                if (e.kind() == EntryKind.MESSAGE) {
                    write(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void write(TimelineEntry e) {
        if (e.isThreadReply()) {
            List<TimelineEntry> orphans = e.deleted() ? null : scan.takeReplies(e.threadTs());
            if (orphans != null) {
                thread(e, null, false, orphans);
            }
            return;
        }
        List<TimelineEntry> replies = scan.takeReplies(e.ts());
        if (!e.deleted()) {
            thread(e, text.who(e) + ": " + text.message(e), true, replies);
        } else if (replies != null) {
            thread(e, DELETED_PARENT, true, replies);
        }
    }

    /**
     * @param first     the thread's first message, or its first reply when that message is missing
     * @param firstLine what to write for {@code first}; null when it is missing
     */
    private void thread(TimelineEntry first, String firstLine, boolean timed, List<TimelineEntry> replies) {
        StringBuilder s = new StringBuilder(days.before(first.at()));
        String pin = first.keyEvent() && !first.deleted() ? "📌 " : "";
        String head = timed ? days.timeOf(first.at()) + " " + pin : "";
        Md.item(s, 0, head, firstLine != null ? firstLine : missingParent(first.threadTs()));
        if (replies != null) {
            for (TimelineEntry r : replies) {
                Md.item(s, 1, days.timeOf(r.at()) + " " + (r.keyEvent() ? "📌 " : "") + text.who(r) + ": ",
                        text.message(r));
            }
        }
        append(s);
    }

    private String missingParent(String threadTs) {
        try {
            return "_(the first message of this thread, " + days.timeOf(SlackTs.toInstant(threadTs))
                    + ", is not in this log)_";
        } catch (IllegalArgumentException e) {
            return "_(the first message of this thread is not in this log)_";
        }
    }

    private void append(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
