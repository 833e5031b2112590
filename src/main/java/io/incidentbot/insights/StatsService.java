package io.incidentbot.insights;

import io.incidentbot.store.Storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Incident insights from the database: three small queries in one read transaction (incidents of the
 * window, the longest open ones, follow-ups per owner), then {@link StatsCalculator}.
 */
public final class StatsService {
    /** The window when none is given. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,4})\\s*([dw])");
    /** Reads the follow-up figures; repeats by a changed service count the changes of the change window before a declare. */
    private final io.incidentbot.trackers.seen.SeenBeforeSource followUps;
    private final Storage storage;
    private final Clock clock;

    /**
     * As {@link #StatsService(Storage, Clock, Duration)} with the default change window (24 h).
     *
     * @param storage the database
     * @param clock   now: the end of every window
     */
    public StatsService(Storage storage, Clock clock) {
        this(storage, clock, io.incidentbot.config.HookSettings.DEFAULT_CHANGE_WINDOW);
    }

    /**
     * @param storage      the database
     * @param clock        now: the end of every window
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: a change this long before a declare makes its service the
     *                     incident's, for repeat incidents
     */
    public StatsService(Storage storage, Clock clock, Duration changeWindow) {
        this.storage = storage;
        this.clock = clock;
        this.followUps = new io.incidentbot.trackers.seen.SeenBeforeSource(changeWindow);
    }

    /**
     * @param window how far back incidents are counted, from now
     * @param zone   zone the weeks are counted in
     * @return the insights
     */
    public IncidentStats stats(Duration window, ZoneId zone) {
        Instant to = clock.instant();
        Instant from = to.minus(window);
        record Read(List<IncidentTimes> incidents, List<IncidentTimes> open, Map<String, Integer> owners) {
        }
        // Open incidents declared after `to` are left out: the window ends at `to` (the clock may be a
        // ticking one, e.g. the Home tab's, which shows the insights as of the hour).
        Read read = storage.read(r -> new Read(r.insights().declaredIn(from, to), r.insights().longestOpen(5),
                r.insights().followUpsByOwner(from, to)));
        // repeats: the window's incidents may repeat one declared up to 90 days before the window starts
        List<Long> before = storage.read(r -> r.insights().declaredIn(
                from.minus(Duration.ofDays(io.incidentbot.trackers.FollowUpFigures.REPEAT_DAYS)), from)).stream()
                .map(IncidentTimes::number).toList();
        List<IncidentTimes> open = read.open().stream().filter(i -> !i.declaredAt().isAfter(to)).toList();
        List<Long> numbers = read.incidents().stream().map(IncidentTimes::number).toList();
        return StatsCalculator.compute(read.incidents(), open, read.owners(), from, to, zone)
                .withFollowUps(storage.read(r -> followUps.figures(r, numbers, before, to, zone)));
    }

    /**
     * Reads a window such as {@code 30d}, {@code 90d}, {@code 365d} or {@code 12w}: 1 day to 10 years.
     *
     * @param text what the user typed; blank for {@link #DEFAULT_WINDOW}
     * @return the window
     * @throws IllegalArgumentException with a one-line sentence for anything else
     */
    public static Duration window(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WINDOW;
        }
        Matcher m = WINDOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(text.strip() + " is not a window: use 30d, 90d or 365d");
        }
        long days = Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException(text.strip() + " is not a window: use 1d to 3650d");
        }
        return Duration.ofDays(days);
    }
}
