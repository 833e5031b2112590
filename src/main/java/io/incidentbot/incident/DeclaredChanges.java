package io.incidentbot.incident;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeReport;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a declare does with the changes of the window before it (issue 12, "Where they show"): each
 * becomes a {@link EntryKind#CHANGE} timeline entry at its own time (so the postmortem's key events
 * show it). (The Slack adapter posts "Changes in the ... before this incident" into the new channel.)
 */
final class DeclaredChanges {
    /** Most change entries added to the timeline at declare. */
    static final int MAX_ENTRIES = 100;

    private DeclaredChanges() {
    }

    /** Adds the entries, in the declare's transaction. */
    static void onDeclare(Repositories r, long incident, Instant declaredAt, Duration window) {
        Instant from = declaredAt.minus(window);
        long total = r.changes().countBetween(from, declaredAt);
        if (total == 0) {
            return;
        }
        for (Change c : r.changes().between(from, declaredAt, MAX_ENTRIES)) {
            r.timeline().add(new TimelineEntry(0, incident, EntryKind.CHANGE, c.at(), null, null, null, entryText(c),
                    null, false, true, List.of()));
        }
    }

    /** @return the report of {@code inc}'s changes: the window before it and the time since declared */
    static ChangeReport report(Repositories r, Incident inc, Duration window, Instant now) {
        Instant declared = inc.declaredAt();
        Instant from = declared.minus(window);
        Instant end = inc.resolvedAt() != null ? inc.resolvedAt() : now;
        Instant duringFrom = declared.plusNanos(1000);
        return new ChangeReport(inc.number(), declared, window,
                r.changes().between(from, declared, ChangeReport.SHOWN), r.changes().countBetween(from, declared),
                end.isBefore(duringFrom) ? List.of() : r.changes().between(duringFrom, end, ChangeReport.SHOWN),
                end.isBefore(duringFrom) ? 0 : r.changes().countBetween(duringFrom, end));
    }

    /** @return the timeline text of a change: {@code Change (deploy, checkout, by ana): title <url>} */
    static String entryText(Change c) {
        StringBuilder s = new StringBuilder("Change (").append(c.kind().label());
        if (c.service() != null) {
            s.append(", ").append(c.service());
        }
        if (c.environment() != null) {
            s.append(", ").append(c.environment());
        }
        if (c.author() != null) {
            s.append(", by ").append(c.author());
        }
        s.append("): ").append(c.title());
        if (c.url() != null) {
            s.append(' ').append(c.url());
        }
        return s.toString();
    }
}
