package io.incidentbot.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies (nearest rank on the sorted samples: exact, no histogram
 * buckets), in milliseconds.
 */
record Latencies(int count, double p50, double p90, double p99, double p999, double max) {

    static Latencies of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        if (s.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(s.length, ms(rank(s, 0.50)), ms(rank(s, 0.90)), ms(rank(s, 0.99)), ms(rank(s, 0.999)),
                ms(s[s.length - 1]));
    }

    /** @return the smallest sample such that at least {@code q} of the samples are at or below it */
    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
