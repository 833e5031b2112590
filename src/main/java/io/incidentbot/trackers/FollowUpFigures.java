package io.incidentbot.trackers;

import io.incidentbot.incident.Severity;
import io.incidentbot.trackers.seen.PastIncident;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follow-up figures for {@code /incident stats} and the App Home insights (issue 22), a pure function of the
 * stored follow-ups.
 *
 * @param recorded         follow-ups recorded
 * @param done             of those, done
 * @param wontDo           of those, won't do
 * @param doneOnTime       done on or before their due date (in the configured zone); those without a due date count
 * @param medianToDone     median time from recorded to done, by the incident's severity (severities with none left out)
 * @param openOlderThan30d open follow-ups recorded more than 30 days ago
 * @param repeats          incidents that repeat an earlier one (same alert group or a change to the same service
 *                         within {@value #REPEAT_DAYS} days before)
 */
public record FollowUpFigures(int recorded, int done, int wontDo, int doneOnTime, Map<Severity, Duration> medianToDone,
                              int openOlderThan30d, int repeats) {
    /** How far back an incident counts as repeated. */
    public static final int REPEAT_DAYS = 90;

    /**
     * @param followUps  the follow-ups of the period
     * @param severities each follow-up's incident's severity, by incident number
     * @param incidents  the period's incidents with their alert groups and changed services (for repeats)
     * @param now        "now"
     * @param zone       the zone due dates are read in
     * @return the figures
     */
    public static FollowUpFigures of(Collection<FollowUpRecord> followUps, Map<Long, Severity> severities,
                                     Collection<PastIncident> incidents, Instant now, ZoneId zone) {
        int done = 0;
        int wont = 0;
        int onTime = 0;
        int old = 0;
        Map<Severity, List<Duration>> toDone = new EnumMap<>(Severity.class);
        for (FollowUpRecord f : followUps) {
            switch (f.state()) {
                case DONE -> {
                    done++;
                    if (f.closedAt() != null) {
                        if (f.due() == null || !f.closedAt().atZone(zone).toLocalDate().isAfter(f.due())) {
                            onTime++;
                        }
                        Severity s = severities.get(f.incident());
                        if (s != null) {
                            toDone.computeIfAbsent(s, k -> new ArrayList<>()).add(Duration.between(f.createdAt(), f.closedAt()));
                        }
                    }
                }
                case WONT_DO -> wont++;
                case OPEN -> {
                    if (f.createdAt().isBefore(now.minus(Duration.ofDays(30)))) {
                        old++;
                    }
                }
            }
        }
        Map<Severity, Duration> medians = new EnumMap<>(Severity.class);
        toDone.forEach((s, list) -> medians.put(s, median(list)));
        return new FollowUpFigures(followUps.size(), done, wont, onTime, medians, old, repeats(incidents));
    }

    private static Duration median(List<Duration> list) {
        List<Duration> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** @return how many incidents share an alert group or a changed service with one declared up to 90 days before */
    static int repeats(Collection<PastIncident> incidents) {
        List<PastIncident> byTime = new ArrayList<>(incidents);
        byTime.sort(Comparator.comparing(PastIncident::declaredAt));
        Map<String, Instant> lastSeen = new HashMap<>();
        int repeats = 0;
        for (PastIncident i : byTime) {
            boolean repeat = false;
            List<String> keys = new ArrayList<>();
            i.alertGroups().forEach(g -> keys.add("group " + g));
            i.services().forEach(s -> keys.add("service " + s));
            for (String k : keys) {
                Instant before = lastSeen.get(k);
                if (before != null && !before.isBefore(i.declaredAt().minus(Duration.ofDays(REPEAT_DAYS)))) {
                    repeat = true;
                }
            }
            keys.forEach(k -> lastSeen.put(k, i.declaredAt()));
            if (repeat) {
                repeats++;
            }
        }
        return repeats;
    }
}
