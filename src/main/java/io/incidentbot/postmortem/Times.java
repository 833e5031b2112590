package io.incidentbot.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;

/** How the draft writes times: to the minute, in one time zone. */
final class Times {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    /** The zone's rules, fetched once: {@code ZoneOffset.getRules()} makes new rules on every call. */
    private final ZoneRules rules;

    Times(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** @return the zone's name as readers know it: {@code UTC}, {@code Europe/Berlin}, {@code UTC+02:00} */
    String zoneName() {
        String id = zone.normalized().getId();
        if (id.equals("Z")) {
            return "UTC";
        }
        return zone instanceof ZoneOffset ? "UTC" + id : zone.getId();
    }

    /** @return {@code HH:MM} */
    String time(Instant at) {
        LocalDateTime t = local(at);
        int h = t.getHour();
        int m = t.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10),
                (char) ('0' + m % 10)});
    }

    /** @return {@code at} as the local date and time in the zone */
    private LocalDateTime local(Instant at) {
        return LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), rules.getOffset(at));
    }

    /** @return {@code YYYY-MM-DD HH:MM} */
    String dateTime(Instant at) {
        return DATE_TIME.format(local(at));
    }

    /** @return {@code YYYY-MM-DD} */
    String date(LocalDate day) {
        return DATE.format(day);
    }

    /** @return the calendar day of {@code at} in the zone */
    LocalDate day(Instant at) {
        return local(at).toLocalDate();
    }

    /**
     * The time between two instants as a reader computes it from the {@code HH:MM} shown: both are
     * cut to the minute first, so 21:58:50 to 22:01:10 is 3 min.
     *
     * @return e.g. {@code 45 min}, {@code 3 h 10 min}, {@code 2 h}, {@code 1 d 4 h 5 min}
     */
    static String duration(Instant from, Instant to) {
        long minutes = Duration.between(from.truncatedTo(ChronoUnit.MINUTES), to.truncatedTo(ChronoUnit.MINUTES))
                .toMinutes();
        if (minutes < 0) {
            return "-" + duration(to, from);
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append(" d");
        }
        if (hours > 0) {
            s.append(s.isEmpty() ? "" : " ").append(hours).append(" h");
        }
        if (mins > 0 || s.isEmpty()) {
            s.append(s.isEmpty() ? "" : " ").append(mins).append(" min");
        }
        return s.toString();
    }
}
