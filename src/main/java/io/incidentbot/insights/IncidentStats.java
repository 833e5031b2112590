package io.incidentbot.insights;

import io.incidentbot.incident.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Incident insights over a window: how many, how fast, what is still open.
 *
 * @param from          start of the window (incidents declared at or after it)
 * @param to            end of the window: now
 * @param zone          zone the weeks are counted in ({@code INCIDENT_TIMEZONE})
 * @param declared      incidents declared in the window
 * @param open          of those, still open
 * @param privateCount  of those, private (counted here, never named anywhere)
 * @param weeks         incidents per period, oldest first, every period of the window present: weeks
 *                      (starting on Monday in {@code zone}), or calendar months when the window is longer
 *                      than {@link #MONTHLY_AFTER} ({@link #monthly()})
 * @param times         per severity with at least one incident: medians and p90s of the times to
 *                      identify, mitigate and resolve
 * @param longestOpen   open incidents, declared at any time, longest open first (at most 5)
 * @param followUps     follow-ups recorded for incidents of the window
 * @param withOwner     of those, with an owner
 * @param byOwner       owner's Slack user ID to follow-ups recorded for them, most first
 * @param detect        time to detect (impact started to declared) over the window's incidents whose impact start
 *                      is known (issue 25)
 * @param types         per incident type of the team's process file, most incidents first; empty when no incident
 *                      of the window has a type
 */
public record IncidentStats(Instant from, Instant to, ZoneId zone, int declared, int open, int privateCount,
                            List<Week> weeks, List<SeverityTimes> times, List<IncidentTimes> longestOpen,
                            int followUps, int withOwner, Map<String, Integer> byOwner, Spread detect,
                            List<TypeCount> types) {
    /**
     * One incident type's figures (issue 25, "stats per type").
     *
     * @param type      the type's name, e.g. {@code security}
     * @param incidents incidents of that type declared in the window
     * @param open      of those, still open
     * @param resolve   time from declared to resolved
     */
    public record TypeCount(String type, int incidents, int open, Spread resolve) {
    }

    /** Windows longer than this are counted per calendar month instead of per week (53 weekly rows do not fit a phone). */
    public static final java.time.Duration MONTHLY_AFTER = java.time.Duration.ofDays(120);

    /** @return true when {@link #weeks()} holds calendar months (the window is longer than {@link #MONTHLY_AFTER}) */
    public boolean monthly() {
        return monthly(from, to);
    }

    /** @return true when a window from {@code from} to {@code to} is counted per month */
    public static boolean monthly(Instant from, Instant to) {
        return java.time.Duration.between(from, to).compareTo(MONTHLY_AFTER) > 0;
    }

    /**
     * @param start    the Monday the week starts on (the first of the month when counted per month)
     * @param counts   incidents declared that week (or month), per severity (all four present)
     */
    public record Week(LocalDate start, Map<Severity, Integer> counts) {
        /** @return incidents declared that week */
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param severity  the severity (the incident's current one)
     * @param incidents incidents of that severity in the window
     * @param identify  time from declared to identified
     * @param mitigate  time from declared to mitigated
     * @param resolve   time from declared to resolved
     */
    public record SeverityTimes(Severity severity, int incidents, Spread identify, Spread mitigate, Spread resolve) {
    }

    /**
     * @param count  how many incidents reached the milestone
     * @param median median time (nearest rank), null when none did
     * @param p90    90th percentile (nearest rank), null when none did
     */
    public record Spread(int count, Duration median, Duration p90) {
    }
}
