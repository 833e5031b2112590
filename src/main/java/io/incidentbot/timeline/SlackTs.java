package io.incidentbot.timeline;

import java.math.BigDecimal;
import java.time.Instant;

/** Conversions between Slack {@code ts} strings and instants. */
public final class SlackTs {
    private SlackTs() {
    }

    /**
     * @param ts a Slack {@code ts}: epoch seconds, a dot, six digits of microseconds ("1712345678.000200")
     * @return the instant with microsecond precision
     * @throws IllegalArgumentException when {@code ts} is not of that shape
     */
    public static Instant toInstant(String ts) {
        if (ts == null || !ts.matches("\\d{1,12}(\\.\\d{1,6})?")) {
            throw new IllegalArgumentException("not a Slack ts: " + ts);
        }
        BigDecimal d = new BigDecimal(ts);
        long seconds = d.longValue();
        long nanos = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * @param at an instant
     * @return the Slack {@code ts} form, microseconds kept ("1712345678.000200")
     */
    public static String fromInstant(Instant at) {
        return String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
    }

    /** @return microseconds since the epoch, the sort key used in storage */
    public static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1000;
    }

    /** @return the instant for microseconds since the epoch */
    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
