package io.incidentbot.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status page's rules, as pure functions of stored facts and a time (no clock, no storage): the state each
 * component shows, the overall indicator and banner, an incident's impact, and the 90-day history bars.
 */
public final class StatusRules {
    /** Days in a history bar. */
    public static final int HISTORY_DAYS = 90;

    private StatusRules() {
    }

    /**
     * The state each component shows at {@code now}: its stored state, except that an operational component covered
     * by a maintenance window in progress shows {@link ComponentState#UNDER_MAINTENANCE} (an outage during
     * maintenance still shows as the outage).
     *
     * @return component ID to shown state, in the order of {@code components}
     */
    public static Map<String, ComponentState> shownStates(Collection<Component> components,
                                                          Collection<Maintenance> maintenances, Instant now) {
        Map<String, ComponentState> shown = new LinkedHashMap<>();
        for (Component c : components) {
            shown.put(c.id(), c.state());
        }
        for (Maintenance m : maintenances) {
            if (m.status(now) == MaintenanceStatus.IN_PROGRESS) {
                for (String id : m.componentIds()) {
                    shown.computeIfPresent(id, (k, s) -> s == ComponentState.OPERATIONAL ? ComponentState.UNDER_MAINTENANCE : s);
                }
            }
        }
        return shown;
    }

    /**
     * The overall indicator and banner. From the worst shown state: major outage is {@code critical} ("Major
     * Service Outage"), partial outage {@code major} ("Partial System Outage"), degraded performance {@code minor}
     * ("Partially Degraded Service"). An unresolved published incident makes it at least its impact and at least
     * {@code minor} ("Minor Service Outage"), so the page never says all is well while an incident is published
     * with no component marked. Only maintenance: {@code none}, "Service Under Maintenance". Else {@code none},
     * "All Systems Operational".
     *
     * @param shown      the states shown ({@link #shownStates})
     * @param unresolved the unresolved published incidents
     */
    public static Overall overall(Collection<ComponentState> shown, Collection<PublishedIncident> unresolved) {
        ComponentState worst = ComponentState.OPERATIONAL;
        for (ComponentState s : shown) {
            worst = worst.worse(s);
        }
        Indicator indicator = Indicator.of(worst);
        for (PublishedIncident i : unresolved) {
            indicator = indicator.worse(i.impact()).worse(Indicator.MINOR);
        }
        String description = switch (indicator) {
            case CRITICAL -> "Major Service Outage";
            case MAJOR -> "Partial System Outage";
            case MINOR -> worst == ComponentState.DEGRADED_PERFORMANCE && indicator == Indicator.of(worst)
                    ? "Partially Degraded Service" : "Minor Service Outage";
            case NONE -> worst == ComponentState.UNDER_MAINTENANCE ? "Service Under Maintenance" : "All Systems Operational";
        };
        return new Overall(indicator, description);
    }

    /**
     * An incident's impact from the states it puts its components in: the worst of {@link Indicator#of} them, at
     * least {@code minor} (a published incident is never "no impact").
     */
    public static Indicator impact(Collection<ComponentState> affected) {
        Indicator i = Indicator.MINOR;
        for (ComponentState s : affected) {
            i = i.worse(Indicator.of(s));
        }
        return i;
    }

    /**
     * The history bar of one component: {@value #HISTORY_DAYS} days ending with the day of {@code now} in
     * {@code zone}, oldest first. Each day sums the time of the intervals overlapping it (an open interval lasts
     * until {@code now}); a day wholly before {@code createdAt} is "no data"; the worst state with any time
     * colours it.
     *
     * @param createdAt when the component was added
     * @param intervals its non-operational intervals (other components' are ignored)
     */
    public static List<HistoryDay> history(String componentId, Instant createdAt, Collection<StateInterval> intervals,
                                           Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(HISTORY_DAYS - 1L);
        LocalDate created = createdAt.atZone(zone).toLocalDate();
        List<HistoryDay> days = new ArrayList<>(HISTORY_DAYS);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            if (d.isBefore(created)) {
                days.add(new HistoryDay(d, null, Map.of()));
                continue;
            }
            Instant start = d.atStartOfDay(zone).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            if (end.isAfter(now)) {
                end = now;
            }
            Instant seenFrom = createdAt.isAfter(start) ? createdAt : start;
            Map<ComponentState, Duration> time = new EnumMap<>(ComponentState.class);
            ComponentState worst = ComponentState.OPERATIONAL;
            for (StateInterval i : intervals) {
                if (!i.componentId().equals(componentId) || i.state() == ComponentState.OPERATIONAL) {
                    continue;
                }
                Instant from = i.from().isAfter(start) ? i.from() : start;
                Instant until = i.until() == null || i.until().isAfter(end) ? end : i.until();
                if (until.isAfter(from)) {
                    time.merge(i.state(), Duration.between(from, until), Duration::plus);
                    worst = worst.worse(i.state());
                }
            }
            days.add(new HistoryDay(d, worst, time, end.isAfter(seenFrom) ? Duration.between(seenFrom, end) : Duration.ZERO));
        }
        return days;
    }

    /**
     * Uptime over a history bar: the share of observed time (from the component's creation until now) not in partial
     * or major outage.
     *
     * @return a percentage from 0 to 100, or 100 when nothing was observed
     */
    public static double uptime(List<HistoryDay> days) {
        double observed = 0;
        double down = 0;
        for (HistoryDay d : days) {
            if (d.noData()) {
                continue;
            }
            observed += d.observed().toSeconds();
            for (Map.Entry<ComponentState, Duration> e : d.time().entrySet()) {
                if (e.getKey().isOutage()) {
                    down += e.getValue().toSeconds();
                }
            }
        }
        return observed == 0 ? 100.0 : Math.max(0, 100.0 * (observed - down) / observed);
    }
}
