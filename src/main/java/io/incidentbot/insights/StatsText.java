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
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    /** Longest line of {@link #compact}: what a phone shows in a code block without wrapping. */
    public static final int NARROW = 40;

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
        s.append(stats.monthly() ? "\n\nPer month                SEV1 SEV2 SEV3 SEV4  total\n"
                : "\n\nPer week (from Monday)   SEV1 SEV2 SEV3 SEV4  total\n");
        for (Week w : stats.weeks()) {
            s.append(String.format("  %-22s", period(stats, w)));
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
        if (stats.detect().count() > 0) {
            s.append("\nTime to detect (impact started to declared), median / p90: ").append(spread(stats.detect()))
                    .append('\n');
        }
        if (!stats.types().isEmpty()) {
            s.append("\nPer type                 n  open  to resolved, median / p90\n");
            for (IncidentStats.TypeCount t : stats.types()) {
                s.append(String.format("  %-20s %4d  %4d  %s\n", t.type(), t.incidents(), t.open(), spread(t.resolve())));
            }
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
     * The same figures as {@link #tables}, at most {@value #NARROW} characters per line (for the ephemeral
     * answer in Slack, read on a phone): the period table with short column names, the times one severity
     * and milestone per line, titles of the longest-open incidents shortened with "…", other long lines
     * wrapped at spaces with a two-space indent.
     *
     * @param stats  the insights
     * @return lines ending in {@code \n} (the follow-up owners not included: see {@link #owners}), none longer than {@value #NARROW} characters (as written, before
     *         any escaping for Slack)
     */
    public static String compact(IncidentStats stats) {
        StringBuilder s = new StringBuilder();
        long days = Duration.between(stats.from(), stats.to()).toDays();
        String head = "Incidents declared in the last " + days + " days ("
                + DAY.format(stats.from().atZone(stats.zone())) + " to " + DAY.format(stats.to().atZone(stats.zone()))
                + ", " + stats.zone().getId() + "): " + stats.declared() + ", " + stats.open() + " still open"
                + (stats.privateCount() > 0 ? ", " + stats.privateCount() + " private (counted, not named)" : "");
        wrap(s, head);
        s.append(stats.monthly() ? "\nPer month\n" : "\nPer week (from Monday)\n");
        s.append("            S1  S2  S3  S4  all\n");
        for (Week w : stats.weeks()) {
            s.append(String.format("%-10s", period(stats, w)));
            for (Severity sev : Severity.values()) {
                s.append(String.format(" %3d", w.counts().getOrDefault(sev, 0)));
            }
            s.append(String.format(" %4d\n", w.total()));
        }
        s.append("\nFrom declared, median / p90 (n)\n");
        if (stats.times().isEmpty()) {
            s.append("  no incidents in this window\n");
        }
        for (SeverityTimes t : stats.times()) {
            s.append(t.severity().name()).append(", ").append(t.incidents()).append(t.incidents() == 1 ? " incident\n" : " incidents\n");
            wrap(s, "  identified " + spread(t.identify()));
            wrap(s, "  mitigated  " + spread(t.mitigate()));
            wrap(s, "  resolved   " + spread(t.resolve()));
        }
        if (stats.detect().count() > 0) {
            wrap(s, "Time to detect, median / p90: " + spread(stats.detect()));
        }
        if (!stats.types().isEmpty()) {
            s.append("\nPer type: n, open, resolved median\n");
            for (IncidentStats.TypeCount t : stats.types()) {
                wrap(s, "  " + t.type() + ": " + t.incidents() + ", " + t.open() + " open"
                        + (t.resolve().median() == null ? "" : ", " + duration(t.resolve().median())));
            }
        }
        s.append("\nLongest open\n");
        if (stats.longestOpen().isEmpty()) {
            s.append("  none: every incident is resolved\n");
        }
        for (IncidentTimes i : stats.longestOpen()) {
            String tail = " (" + i.severity().name() + ") " + duration(Duration.between(i.declaredAt(), stats.to()));
            String name = i.privateIncident() ? "a private incident" : "#" + i.number() + " " + i.title();
            int room = NARROW - 2 - tail.length();
            if (name.length() > room) {
                name = name.substring(0, Math.max(1, room - 1)).strip() + "…";
            }
            s.append("  ").append(name).append(tail).append('\n');
        }
        s.append('\n');
        wrap(s, "Follow-ups: " + stats.followUps() + " (" + stats.withOwner() + " with an owner, "
                + (stats.followUps() - stats.withOwner()) + " without)");
        return s.toString();
    }

    /** Appends {@code line} and {@code \n}, broken at spaces into lines of at most {@value #NARROW} characters. */
    private static void wrap(StringBuilder s, String line) {
        String indent = line.startsWith("  ") ? "    " : "  ";
        String rest = line;
        boolean first = true;
        while (true) {
            String prefix = first ? "" : indent;
            int room = NARROW - prefix.length();
            if (rest.length() <= room) {
                s.append(prefix).append(rest).append('\n');
                return;
            }
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= (first ? indent.length() : 0)) {
                cut = room;
            }
            s.append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut).strip();
            first = false;
        }
    }

    private static String period(IncidentStats stats, Week w) {
        return stats.monthly() ? MONTH.format(w.start()) : DAY.format(w.start());
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
