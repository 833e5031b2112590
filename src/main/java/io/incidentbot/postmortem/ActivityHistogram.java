package io.incidentbot.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts messages per interval in one pass with bounded memory: at most {@link #MAX_BUCKETS}
 * counters. The intervals start at the first time counted, cut to the hour, and are 1 min wide;
 * whenever a time falls past the last counter they widen (1, 5, 10, 30 min, 1, 2, 6, 12 h, 1 d, then
 * doubling), merging neighbours, so a 200,000-message incident costs no more than a short one.
 *
 * <p>Times must come in time order (as {@link TimelineSource} gives them); a time before the first
 * one is counted in the first interval.
 */
final class ActivityHistogram {
    /** Most intervals drawn: enough for a readable shape, few enough to keep each bar visible. */
    static final int MAX_BUCKETS = 120;
    private static final long[] LADDER_MINUTES = {1, 5, 10, 30, 60, 120, 360, 720, 1440};

    private final int[] counts = new int[MAX_BUCKETS];
    private Instant origin;
    private long widthMinutes = LADDER_MINUTES[0];
    private int used;

    /**
     * Starts the intervals at {@code at} (cut to the hour) unless a time was counted already.
     *
     * @param at the earliest time the picture shows, e.g. the declaration
     */
    void startAt(Instant at) {
        if (origin == null) {
            origin = at.truncatedTo(ChronoUnit.HOURS);
        }
    }

    /** Widens the intervals now so that {@code at} falls in one: used with the known end of the incident. */
    void reach(Instant at) {
        startAt(at);
        while (index(at) >= MAX_BUCKETS) {
            widen();
        }
    }

    /** Counts one message at {@code at}. */
    void add(Instant at) {
        startAt(at);
        reach(at);
        int i = (int) Math.max(0, index(at));
        counts[i]++;
        used = Math.max(used, i + 1);
    }

    private long index(Instant at) {
        return Duration.between(origin, at).toMinutes() / widthMinutes;
    }

    private void widen() {
        long next = nextWidth(widthMinutes);
        int factor = (int) (next / widthMinutes);
        for (int i = 0; i < MAX_BUCKETS; i++) {
            int c = counts[i];
            counts[i] = 0;
            counts[i / factor] += c;
        }
        used = used == 0 ? 0 : (used - 1) / factor + 1;
        widthMinutes = next;
    }

    private static long nextWidth(long minutes) {
        for (long w : LADDER_MINUTES) {
            if (w > minutes) {
                return w;
            }
        }
        return minutes * 2;
    }

    /**
     * @param fallbackStart where the intervals start when nothing was counted or started
     * @return the counts so far, up to the last interval with a message
     */
    ChartInput.Activity result(Instant fallbackStart) {
        List<Integer> list = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            list.add(counts[i]);
        }
        Instant from = origin != null ? origin : fallbackStart.truncatedTo(ChronoUnit.HOURS);
        return new ChartInput.Activity(from, Duration.ofMinutes(widthMinutes), list);
    }
}
