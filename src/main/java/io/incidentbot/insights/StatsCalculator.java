package io.incidentbot.insights;

import io.incidentbot.incident.Severity;
import io.incidentbot.insights.IncidentStats.SeverityTimes;
import io.incidentbot.insights.IncidentStats.Spread;
import io.incidentbot.insights.IncidentStats.Week;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Computes {@link IncidentStats} from stored incident times: a pure function. Percentiles are by
 * nearest rank (the p-th percentile of n sorted values is value number ceil(p/100 * n)), so every
 * figure shown is a time some incident really took.
 */
public final class StatsCalculator {
    private StatsCalculator() {
    }

    /**
     * @param incidents   incidents declared in {@code [from, to]}
     * @param longestOpen open incidents of any age, longest open first
     * @param byOwner     follow-ups of the window's incidents per owner ID (null key: no owner)
     * @param from        start of the window
     * @param to          now
     * @param zone        zone for weeks
     * @return the insights
     */
    public static IncidentStats compute(List<IncidentTimes> incidents, List<IncidentTimes> longestOpen,
                                        Map<String, Integer> byOwner, Instant from, Instant to, ZoneId zone) {
        int open = (int) incidents.stream().filter(i -> i.resolvedAt() == null).count();
        int privateCount = (int) incidents.stream().filter(IncidentTimes::privateIncident).count();
        List<SeverityTimes> times = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<IncidentTimes> of = incidents.stream().filter(i -> i.severity() == s).toList();
            if (!of.isEmpty()) {
                times.add(new SeverityTimes(s, of.size(), spread(of, IncidentTimes::identifiedAt),
                        spread(of, IncidentTimes::mitigatedSeparately), spread(of, IncidentTimes::resolvedAt)));
            }
        }
        Map<String, Integer> owners = new LinkedHashMap<>();
        int followUps = 0;
        int withOwner = 0;
        for (Map.Entry<String, Integer> e : byOwner.entrySet()) {
            followUps += e.getValue();
            if (e.getKey() != null) {
                withOwner += e.getValue();
                owners.put(e.getKey(), e.getValue());
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        owners.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        List<Duration> detect = incidents.stream().map(IncidentTimes::timeToDetect).filter(Objects::nonNull).sorted()
                .toList();
        return new IncidentStats(from, to, zone, incidents.size(), open, privateCount, weeks(incidents, from, to, zone),
                times, longestOpen.stream().limit(5).toList(), followUps, withOwner, sorted,
                new Spread(detect.size(), percentile(detect, 50), percentile(detect, 90)), types(incidents));
    }

    /** Per type, most incidents first then by name; empty when no incident has a type. */
    private static List<IncidentStats.TypeCount> types(List<IncidentTimes> incidents) {
        Map<String, List<IncidentTimes>> byType = new java.util.TreeMap<>();
        for (IncidentTimes i : incidents) {
            if (i.type() != null) {
                byType.computeIfAbsent(i.type(), t -> new ArrayList<>()).add(i);
            }
        }
        List<IncidentStats.TypeCount> types = new ArrayList<>();
        byType.forEach((type, of) -> types.add(new IncidentStats.TypeCount(type, of.size(),
                (int) of.stream().filter(i -> i.resolvedAt() == null).count(), spread(of, IncidentTimes::resolvedAt))));
        types.sort(Comparator.comparing(IncidentStats.TypeCount::incidents).reversed());
        return types;
    }

    private static Spread spread(List<IncidentTimes> incidents, Function<IncidentTimes, Instant> milestone) {
        List<Duration> d = incidents.stream().map(i -> i.since(milestone.apply(i))).filter(Objects::nonNull).sorted()
                .toList();
        return new Spread(d.size(), percentile(d, 50), percentile(d, 90));
    }

    /** @return the nearest-rank {@code p}-th percentile of sorted {@code values}, null for none */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** Weeks from Monday, or calendar months when the window is longer than {@link IncidentStats#MONTHLY_AFTER}. */
    private static List<Week> weeks(List<IncidentTimes> incidents, Instant from, Instant to, ZoneId zone) {
        boolean monthly = IncidentStats.monthly(from, to);
        Function<Instant, LocalDate> period = monthly ? at -> at.atZone(zone).toLocalDate().withDayOfMonth(1)
                : at -> monday(at, zone);
        LocalDate first = period.apply(from);
        LocalDate last = period.apply(to);
        Map<LocalDate, Map<Severity, Integer>> byWeek = new LinkedHashMap<>();
        for (LocalDate w = first; !w.isAfter(last); w = monthly ? w.plusMonths(1) : w.plusWeeks(1)) {
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            byWeek.put(w, counts);
        }
        for (IncidentTimes i : incidents) {
            Map<Severity, Integer> counts = byWeek.get(period.apply(i.declaredAt()));
            if (counts != null) {
                counts.merge(i.severity(), 1, Integer::sum);
            }
        }
        List<Week> weeks = new ArrayList<>();
        byWeek.forEach((start, counts) -> weeks.add(new Week(start, Map.copyOf(counts))));
        weeks.sort(Comparator.comparing(Week::start));
        return weeks;
    }

    private static LocalDate monday(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
