package io.incidentbot.pager.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A rotation of the on-call file: {@code users} take turns of one {@code period}, handing off at {@code handoff}
 * local time in {@code zone}; the first user's first turn starts on {@code start}. Turns follow the wall clock, so a
 * daylight saving change moves no hand-off.
 *
 * @param name    the rotation's name
 * @param users   Slack user IDs, in turn order
 * @param handoff local hand-off time
 * @param zone    the hand-off's time zone
 * @param period  turn length
 * @param start   the first turn's date
 */
public record Rotation(String name, List<String> users, LocalTime handoff, ZoneId zone, Period period, LocalDate start) {
    /** Turn lengths. */
    public enum Period {
        DAILY(1), WEEKLY(7);

        private final int days;

        Period(int days) {
            this.days = days;
        }

        /** @return the turn's length in days */
        public int days() {
            return days;
        }
    }

    public Rotation {
        users = List.copyOf(users);
    }

    /**
     * Who is on call at a time, and who is next.
     *
     * @param user     Slack user ID on call now
     * @param next     Slack user ID of the next turn
     * @param handover when the next turn starts
     */
    public record Turn(String user, String next, Instant handover) {
    }

    /** @return the turn at {@code now} */
    public Turn at(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(handoff) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        long turns = Math.floorDiv(ChronoUnit.DAYS.between(start, day), period.days());
        int i = (int) Math.floorMod(turns, users.size());
        LocalDate nextStart = start.plusDays((turns + 1) * period.days());
        return new Turn(users.get(i), users.get((i + 1) % users.size()), ZonedDateTime.of(nextStart, handoff, zone).toInstant());
    }
}
