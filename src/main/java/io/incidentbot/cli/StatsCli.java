package io.incidentbot.cli;

import io.incidentbot.insights.IncidentStats;
import io.incidentbot.insights.StatsService;
import io.incidentbot.insights.StatsText;
import io.incidentbot.insights.WeeklyChart;
import io.incidentbot.store.Storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stats [--since 90d] [--chart FILE]}: incident insights from the database as plain text on
 * standard output (owners by their cached display names; with {@code INCIDENT_PROCESS_FILE}, a last line naming the
 * severities it renames), and with {@code --chart} the incidents per week as a PNG.
 */
final class StatsCli {
    private final Duration window;
    private final Path chart;

    private StatsCli(Duration window, Path chart) {
        this.window = window;
        this.chart = chart;
    }

    /**
     * @param args the arguments after {@code stats}
     * @throws CliException for an unknown argument, a bad window or a chart file in a missing folder
     */
    static StatsCli parse(List<String> args) throws CliException {
        List<String> rest = new ArrayList<>(args);
        String since = value(rest, "--since");
        String chart = value(rest, "--chart");
        if (!rest.isEmpty()) {
            throw new CliException("unknown argument " + rest.get(0) + ": stats [--since 90d] [--chart FILE]");
        }
        Duration window;
        try {
            window = StatsService.window(since);
        } catch (IllegalArgumentException e) {
            throw new CliException("--since: " + e.getMessage());
        }
        Path file = chart == null ? null : Path.of(chart);
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("--chart: there is no folder " + parent);
        }
        return new StatsCli(window, file);
    }

    private static String value(List<String> args, String flag) throws CliException {
        int i = args.indexOf(flag);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new CliException(flag + " needs a value: stats [--since 90d] [--chart FILE]");
        }
        String v = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return v;
    }

    /**
     * Prints the insights to {@code out}; writes the chart when asked, saying so on {@code err}.
     *
     * @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: a change this long before a declare makes its service the
     *                     incident's, for repeat incidents (as {@code /incident stats} counts them)
     * @param legend       the last line, naming the severities the process file renames ({@code SEV2 is Major}), or null
     */
    void run(Storage storage, Clock clock, ZoneId zone, Duration changeWindow, String legend, PrintStream out,
             PrintStream err) throws IOException {
        IncidentStats stats = new StatsService(storage, clock, changeWindow).stats(window, zone);
        Map<String, String> names = storage.read(r -> r.userNames().all());
        String owners = StatsText.owners(stats, id -> names.getOrDefault(id, id));
        out.print(StatsText.tables(stats));
        if (!owners.isEmpty()) {
            out.println(owners);
        }
        if (legend != null) {
            out.println();
            out.println(legend);
        }
        out.flush();
        if (chart != null) {
            Files.write(chart, WeeklyChart.png(stats));
            err.println("Wrote incidents per " + (stats.monthly() ? "month" : "week") + " to " + chart + ".");
        }
    }
}
