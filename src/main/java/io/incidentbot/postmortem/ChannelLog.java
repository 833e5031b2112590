package io.incidentbot.postmortem;

import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The appendix: every message that is not deleted, in {@code ts} order, each thread's replies indented
 * under its first message. Replies whose first message was deleted sit under {@code _(deleted message)_}
 * at its time; replies to a message the log never had (posted before the incident, say) sit at the
 * first reply's time under a line saying when that message was posted.
 */
final class ChannelLog {
    static final String DELETED_PARENT = "_(deleted message)_";

    private final EntryText text;
    private final DayHeadings days;
    private final TimelineScan scan;

    private Consumer<? super DraftModel.LogThread> sink;

    ChannelLog(EntryText text, DayHeadings days, TimelineScan scan) {
        this.text = text;
        this.days = days;
        this.scan = scan;
    }

    /**
     * Gives the log's threads from a second pass over {@code entries}; takes the replies out of {@code scan}, so a
     * second call gives the top-level messages only.
     */
    void forEach(TimelineSource entries, Consumer<? super DraftModel.LogThread> sink) {
        this.sink = sink;
        entries.forEach(e -> {
            if (e.kind() == EntryKind.MESSAGE) {
                write(e);
            }
        });
    }

    private void write(TimelineEntry e) {
        if (e.isThreadReply()) {
            List<TimelineEntry> orphans = e.deleted() ? null : scan.takeReplies(e.threadTs());
            if (orphans != null) {
                thread(e, null, null, false, orphans);
            }
            return;
        }
        List<TimelineEntry> replies = scan.takeReplies(e.ts());
        if (!e.deleted()) {
            thread(e, text.who(e), text.message(e), true, replies);
        } else if (replies != null) {
            thread(e, null, DELETED_PARENT, true, replies);
        }
    }

    /**
     * @param first     the thread's first message, or its first reply when that message is missing
     * @param who       its author, null when it is deleted or missing
     * @param message   what to write for {@code first}; null when it is missing
     */
    private void thread(TimelineEntry first, String who, String message, boolean timed, List<TimelineEntry> replies) {
        String heading = days.before(first.at());
        StringBuilder s = new StringBuilder(heading);
        boolean pinned = first.keyEvent() && !first.deleted();
        String time = timed ? days.timeOf(first.at()) : null;
        String head = timed ? time + " " + (pinned ? "📌 " : "") : "";
        String line = message != null ? message : missingParent(first.threadTs());
        Md.item(s, 0, head, who == null ? line : who + ": " + line);
        List<DraftModel.LogReply> items = new ArrayList<>();
        if (replies != null) {
            for (TimelineEntry r : replies) {
                DraftModel.LogReply reply = new DraftModel.LogReply(days.timeOf(r.at()), r.keyEvent(), text.who(r),
                        text.message(r));
                items.add(reply);
                Md.item(s, 1, reply.time() + " " + (reply.pinned() ? "📌 " : "") + reply.who() + ": ", reply.text());
            }
        }
        sink.accept(new DraftModel.LogThread(heading.isEmpty() ? null : days.currentDay(), time, pinned, who, line,
                items, s.toString()));
    }

    private String missingParent(String threadTs) {
        try {
            return "_(the first message of this thread, " + days.timeOf(SlackTs.toInstant(threadTs))
                    + ", is not in this log)_";
        } catch (IllegalArgumentException e) {
            return "_(the first message of this thread is not in this log)_";
        }
    }
}
