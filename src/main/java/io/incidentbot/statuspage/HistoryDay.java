package io.incidentbot.statuspage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day of a component's history bar.
 *
 * @param date    the day (in the page's time zone)
 * @param worst   the worst state seen that day ({@link ComponentState#OPERATIONAL} when none), or null when the
 *                component did not exist yet (no data)
 * @param time    how long it spent in each non-operational state that day (absent states: none)
 * @param observed how much of the day the component existed and was watched (today: until now)
 */
public record HistoryDay(LocalDate date, ComponentState worst, Map<ComponentState, Duration> time, Duration observed) {
    public HistoryDay {
        time = Map.copyOf(time);
    }

    /** A day without the observed time: a whole day when there is data, none otherwise. */
    public HistoryDay(LocalDate date, ComponentState worst, Map<ComponentState, Duration> time) {
        this(date, worst, time, worst == null ? Duration.ZERO : Duration.ofDays(1));
    }

    /** @return true for a day before the component existed */
    public boolean noData() {
        return worst == null;
    }

    /** @return the CSS class of the day's colour: {@code none}, or the state's word */
    public String css() {
        return worst == null ? "none" : worst.word();
    }

    /**
     * @return the day's text alternative, e.g. {@code 2026-03-01: Partial outage 1 h 20 min, Degraded performance 5 min},
     *         {@code 2026-03-01: No downtime recorded} or {@code 2026-03-01: No data}
     */
    public String text() {
        if (worst == null) {
            return date + ": No data";
        }
        if (time.isEmpty()) {
            return date + ": No downtime recorded";
        }
        StringBuilder b = new StringBuilder(date.toString()).append(':');
        String sep = " ";
        for (int rank = ComponentState.MAJOR_OUTAGE.rank(); rank > 0; rank--) {
            for (Map.Entry<ComponentState, Duration> e : time.entrySet()) {
                if (e.getKey().rank() == rank) {
                    b.append(sep).append(e.getKey().label()).append(' ').append(duration(e.getValue()));
                    sep = ", ";
                }
            }
        }
        return b.toString();
    }

    /** @return {@code 1 h 20 min}, {@code 5 min}, {@code under 1 min} */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "under 1 min";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
