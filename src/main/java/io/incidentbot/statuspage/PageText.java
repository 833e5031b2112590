package io.incidentbot.statuspage;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text helpers the page's templates call. Times are written in UTC in the markup ({@code <time datetime>} and the
 * visible text); the page's small script rewrites the visible text in the reader's time zone.
 */
public final class PageText {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private PageText() {
    }

    /** @return e.g. {@code 2026-03-10 12:00 UTC} */
    public static String shown(Instant at) {
        return SHOWN.format(at);
    }

    /** @return e.g. {@code 2026-03-10T12:00:00Z}, for {@code <time datetime>} */
    public static String iso(Instant at) {
        return ISO.format(at);
    }

    /** @return e.g. {@code March 2026} */
    public static String month(YearMonth m) {
        return MONTH.format(m);
    }

    /** @return the impact as words, e.g. {@code Major impact} */
    public static String impact(Indicator i) {
        return switch (i) {
            case NONE -> "No impact";
            case MINOR -> "Minor impact";
            case MAJOR -> "Major impact";
            case CRITICAL -> "Critical impact";
        };
    }
}
