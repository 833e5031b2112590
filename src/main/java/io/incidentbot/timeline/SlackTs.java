package io.incidentbot.timeline;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between Slack {@code ts} strings and instants. */
public final class SlackTs {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,6}))?");
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private SlackTs() {
    }

    /**
     * @param ts a Slack {@code ts}: epoch seconds, a dot, six digits of microseconds ("1712345678.000200")
     * @return the instant with microsecond precision
     * @throws IllegalArgumentException when {@code ts} is not of that shape
     */
    public static Instant toInstant(String ts) {
        // Called for every event on the capture path: one compiled pattern, no BigDecimal.
        Matcher m = ts == null ? null : SHAPE.matcher(ts);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a Slack ts: " + ts);
        }
        long seconds = Long.parseLong(m.group(1));
        String fraction = m.group(2) == null ? "" : m.group(2);
        long micros = fraction.isEmpty() ? 0 : Long.parseLong(fraction) * POWERS[6 - fraction.length()];
        return Instant.ofEpochSecond(seconds, micros * 1000);
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
