package io.incidentbot.insights;

import io.incidentbot.incident.Severity;
import io.incidentbot.insights.IncidentStats.SeverityTimes;
import io.incidentbot.insights.IncidentStats.Spread;
import io.incidentbot.insights.IncidentStats.Week;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * {@link IncidentStats} as plain text with aligned columns (for a terminal, or a code block in
 * Slack). Private incidents are counted and never named: the longest-open list shows them as
 * "a private incident" with no number or title.
 */
public final class StatsText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private StatsText() {
    }

    /**
     * @param stats  the insights
     * @param person how to show an owner's Slack user ID (a name, or a mention)
     * @return lines ending in {@code \n}
     */
    public static String render(IncidentStats stats, Function<String, String> person) {
        String owners = owners(stats, person);
        return tables(stats) + (owners.isEmpty() ? "" : owners + "\n");
    }

    /**
     * @return everything but the follow-up owners: counts, weeks, times, longest open, follow-up counts;
     *         lines ending in {@code \n}
     */
    public static String tables(IncidentStats stats) {
        StringBuilder s = new StringBuilder();
        long days = Duration.between(stats.from(), stats.to()).toDays();
        s.append("Incidents declared in the last ").append(days).append(" days (")
                .append(DAY.format(stats.from().atZone(stats.zone()))).append(" to ")
                .append(DAY.format(stats.to().atZone(stats.zone()))).append(", ").append(stats.zone().getId())
                .append("): ").append(stats.declared()).append(", ").append(stats.open()).append(" still open");
        if (stats.privateCount() > 0) {
            s.append(", ").append(stats.privateCount()).append(" private (counted, not named)");
        }
        s.append("\n\nPer week (from Monday)   SEV1 SEV2 SEV3 SEV4  total\n");
        for (Week w : stats.weeks()) {
            s.append(String.format("  %-22s", DAY.format(w.start())));
            for (Severity sev : Severity.values()) {
                s.append(String.format(" %4d", w.counts().getOrDefault(sev, 0)));
            }
            s.append(String.format("  %5d\n", w.total()));
        }
        s.append("\nTime from declared, median / p90 (incidents that got there)\n");
        s.append(String.format("  %-5s %4s  %-24s %-24s %s\n", "", "n", "to identified", "to mitigated", "to resolved"));
        if (stats.times().isEmpty()) {
            s.append("  no incidents in this window\n");
        }
        for (SeverityTimes t : stats.times()) {
            s.append(String.format("  %-5s %4d  %-24s %-24s %s\n", t.severity().name(), t.incidents(),
                    spread(t.identify()), spread(t.mitigate()), spread(t.resolve())));
        }
        s.append("\nLongest open\n");
        if (stats.longestOpen().isEmpty()) {
            s.append("  none: every incident is resolved\n");
        }
        for (IncidentTimes i : stats.longestOpen()) {
            String name = i.privateIncident() ? "a private incident" : "#" + i.number() + " " + i.title();
            s.append("  ").append(name).append(" (").append(i.severity().name()).append("), open ")
                    .append(duration(Duration.between(i.declaredAt(), stats.to()))).append('\n');
        }
        s.append("\nFollow-ups recorded for these incidents: ").append(stats.followUps()).append(" (")
                .append(stats.withOwner()).append(" with an owner, ").append(stats.followUps() - stats.withOwner())
                .append(" without)");
        return s.append('\n').toString();
    }

    /**
     * @param person how to show an owner's Slack user ID
     * @return {@code Follow-ups by owner: Alice 3, Bob 1}, most first; "" when no follow-up has an owner
     */
    public static String owners(IncidentStats stats, Function<String, String> person) {
        if (stats.byOwner().isEmpty()) {
            return "";
        }
        StringJoiner owners = new StringJoiner(", ", "Follow-ups by owner: ", "");
        for (Map.Entry<String, Integer> e : stats.byOwner().entrySet()) {
            owners.add(person.apply(e.getKey()) + " " + e.getValue());
        }
        return owners.toString();
    }

    private static String spread(Spread s) {
        if (s.count() == 0) {
            return "—";
        }
        return duration(s.median()) + " / " + duration(s.p90()) + " (" + s.count() + ")";
    }

    /** @return e.g. {@code 45 min}, {@code 3 h 10 min}, {@code 2 d 4 h}: whole minutes, at most two units */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return hours > 0 ? days + " d " + hours + " h" : days + " d";
        }
        if (hours > 0) {
            return mins > 0 ? hours + " h " + mins + " min" : hours + " h";
        }
        return mins + " min";
    }
}
