package io.incidentbot.slack.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Slack's date formatting ({@code <!date^epoch^tokens|fallback>}, "Formatting text for app surfaces",
 * section "Date formatting"): each reader sees the time in their own zone, and {@code {ago}} keeps an
 * age current without the bot editing the message.
 */
final class Slack {
    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private Slack() {
    }

    /** @return e.g. "3 minutes ago" as the reader's client renders it */
    static String ago(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{ago}|" + FALLBACK.format(at) + ">";
    }

    /** @return date and time in the reader's zone, e.g. {@code <!date^1764237600^{date_short_pretty} {time}|2026-11-27 10:00 UTC>} */
    static String date(Instant at) {
        return date(at, FALLBACK);
    }

    /**
     * @param fallback what clients that cannot format the token show (e.g. the incident's time zone)
     * @return date and time in the reader's zone
     */
    static String date(Instant at, DateTimeFormatter fallback) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + fallback.format(at) + ">";
    }
}
