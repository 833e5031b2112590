package io.incidentbot.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/** Writes a date heading before the first item of each day, when the incident spans several days. */
final class DayHeadings {
    private final Times times;
    private final boolean enabled;
    private LocalDate current;

    /** @param enabled false for an incident within one calendar day: no headings at all */
    DayHeadings(Times times, boolean enabled) {
        this.times = times;
        this.enabled = enabled;
    }

    /**
     * @return a heading block ({@code ### YYYY-MM-DD} between blank lines) when {@code at} starts a new
     *         day, else ""
     */
    String before(Instant at) {
        LocalDate day = times.day(at);
        if (!enabled || day.equals(current)) {
            return "";
        }
        String block = (current == null ? "" : "\n") + "### " + times.date(day) + "\n\n";
        current = day;
        return block;
    }

    /** @return the current heading's day as {@code YYYY-MM-DD}, or null before the first heading */
    String currentDay() {
        return current == null ? null : times.date(current);
    }

    /**
     * @return {@code HH:MM} for a time on the current heading's day (or with no headings), else
     *         {@code YYYY-MM-DD HH:MM}: for a thread reply written under a parent from another day
     */
    String timeOf(Instant at) {
        return !enabled || times.day(at).equals(current) ? times.time(at) : times.dateTime(at);
    }
}
