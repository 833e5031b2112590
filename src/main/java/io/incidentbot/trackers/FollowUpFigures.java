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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param repeats          incidents that repeat an earlier one (same alert group, or same service: changed before
 *                         it or its alerts' {@code service} label, within {@value #REPEAT_DAYS} days before, also
 *                         an earlier incident from before the period)
 */
public record FollowUpFigures(int recorded, int done, int wontDo, int doneOnTime, Map<Severity, Duration> medianToDone,
                              int openOlderThan30d, int repeats) {
    /** How far back an incident counts as repeated. */
    public static final int REPEAT_DAYS = 90;

    /**
     * @param followUps  the follow-ups of the period
     * @param severities each follow-up's incident's severity, by incident number
     * @param incidents  the period's incidents with their alert groups and services (for repeats)
     * @param now        "now"
     * @param zone       the zone due dates are read in
     * @return the figures
     */
    public static FollowUpFigures of(Collection<FollowUpRecord> followUps, Map<Long, Severity> severities,
                                     Collection<PastIncident> incidents, Instant now, ZoneId zone) {
        return of(followUps, severities, incidents, List.of(), now, zone);
    }

    /**
     * @param followUps  the follow-ups of the period
     * @param severities each follow-up's incident's severity, by incident number
     * @param incidents  the period's incidents with their alert groups and services (for repeats)
     * @param before     incidents declared in the {@value #REPEAT_DAYS} days before the period: an incident of the
     *                   period repeating one of them counts too; they are not counted themselves
     * @param now        "now"
     * @param zone       the zone due dates are read in
     * @return the figures
     */
    public static FollowUpFigures of(Collection<FollowUpRecord> followUps, Map<Long, Severity> severities,
                                     Collection<PastIncident> incidents, Collection<PastIncident> before, Instant now,
                                     ZoneId zone) {
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
        return new FollowUpFigures(followUps.size(), done, wont, onTime, medians, old, repeats(incidents, before));
    }

    private static Duration median(List<Duration> list) {
        List<Duration> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /**
     * @param incidents the period's incidents
     * @param before    earlier incidents they may repeat (not counted themselves)
     * @return how many of {@code incidents} share an alert group or a service (one changed before it, or the
     *         {@code service} label of its alerts) with an incident declared up to {@value #REPEAT_DAYS} days before it
     */
    static int repeats(Collection<PastIncident> incidents, Collection<PastIncident> before) {
        Set<Long> counted = new HashSet<>();
        incidents.forEach(i -> counted.add(i.number()));
        List<PastIncident> byTime = new ArrayList<>(incidents);
        before.stream().filter(i -> !counted.contains(i.number())).forEach(byTime::add);
        byTime.sort(Comparator.comparing(PastIncident::declaredAt).thenComparingLong(PastIncident::number));
        Map<String, Instant> lastSeen = new HashMap<>();
        int repeats = 0;
        for (PastIncident i : byTime) {
            boolean repeat = false;
            Set<String> keys = new HashSet<>();
            i.alertGroups().forEach(g -> keys.add("group " + g));
            i.services().forEach(s -> keys.add("service " + s));
            for (String alert : i.alerts()) { // alertname|service
                String service = alert.substring(alert.indexOf('|') + 1);
                if (!service.isBlank()) {
                    keys.add("service " + service);
                }
            }
            for (String k : keys) {
                Instant earlier = lastSeen.get(k);
                if (earlier != null && !earlier.isBefore(i.declaredAt().minus(Duration.ofDays(REPEAT_DAYS)))) {
                    repeat = true;
                }
            }
            keys.forEach(k -> lastSeen.put(k, i.declaredAt()));
            if (repeat && counted.contains(i.number())) {
                repeats++;
            }
        }
        return repeats;
    }
}
