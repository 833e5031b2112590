package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the draft needs to know before it writes anything, gathered in one pass over the timeline:
 * message and key-event counts, the time span, the thread replies (so the channel log can put
 * them under their first message), and the {@link ResponseFacts} the drafted sections use. Deleted
 * entries are left out of all of it.
 */
final class TimelineScan {
    private final Map<String, Integer> messageCounts = new HashMap<>();
    private final Map<String, List<TimelineEntry>> repliesByThread = new HashMap<>();
    private Instant first;
    private Instant last;
    private int messages;
    private int keyEvents;
    private final ResponseFacts facts;

    private TimelineScan(Incident incident) {
        this.facts = new ResponseFacts(incident);
    }

    /** Reads {@code entries} once; the span starts at the declaration and reaches the resolution. */
    static TimelineScan of(Incident incident, TimelineSource entries) {
        TimelineScan scan = new TimelineScan(incident);
        scan.widen(incident.declaredAt());
        if (incident.resolvedAt() != null) {
            scan.widen(incident.resolvedAt());
        }
        entries.forEach(scan::add);
        return scan;
    }

    private void add(TimelineEntry e) {
        if (e.deleted()) {
            return;
        }
        widen(e.at());
        facts.add(e);
        if (KeyEvents.isKeyEvent(e)) {
            keyEvents++;
        }
        if (e.kind() != EntryKind.MESSAGE) {
            return;
        }
        messages++;
        if (e.userId() != null) {
            messageCounts.merge(e.userId(), 1, Integer::sum);
        }
        if (e.isThreadReply()) {
            repliesByThread.computeIfAbsent(e.threadTs(), k -> new ArrayList<>()).add(e);
        }
    }

    private void widen(Instant at) {
        if (at == null) {
            return;
        }
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }

    /** @return earliest time: the declaration, or an entry before it */
    Instant first() {
        return first;
    }

    /** @return latest time: the resolution, or an entry after it */
    Instant last() {
        return last;
    }

    /** @return number of messages that are not deleted, thread replies included */
    int messages() {
        return messages;
    }

    /** @return number of entries for the timeline of key events */
    int keyEvents() {
        return keyEvents;
    }

    /** @return the facts for the Summary, Impact and Response metrics sections */
    ResponseFacts facts() {
        return facts;
    }

    /** @return messages per author's Slack user ID */
    Map<String, Integer> messageCounts() {
        return messageCounts;
    }

    /**
     * Hands over the replies of one thread, oldest first, and forgets them.
     *
     * @param threadTs the {@code ts} of the thread's first message
     * @return its replies that are not deleted, or null when there are none (or they were taken)
     */
    List<TimelineEntry> takeReplies(String threadTs) {
        return threadTs == null ? null : repliesByThread.remove(threadTs);
    }
}
