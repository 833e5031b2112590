package io.incidentbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the scenarios measured, as a Markdown table with targets and verdicts. */
final class Report {
    /** Scenario 1 on one server. */
    static final class Saturation {
        final LoadGenerator.Result result;
        final int sent;
        final int replies;
        /** Message entries stored for the events sent, or -1 when not checked (the baseline). */
        long stored = -1;
        /** CPU time of the server process per measured event, microseconds. */
        double serverCpuMicrosPerEvent = Double.NaN;
        /** CPU time of the load generator (this JVM) per measured event, microseconds. */
        double generatorCpuMicrosPerEvent = Double.NaN;

        Saturation(LoadGenerator.Result result, int sent, int replies) {
            this.result = result;
            this.sent = sent;
            this.replies = replies;
        }
    }

    /** Scenario 2. */
    static final class FixedRate {
        final LoadGenerator.Result result;
        final int sent;
        final int replies;
        long stored;
        Latencies commandLatencies;
        Map<Integer, Integer> commandStatuses;
        Map<String, Integer> webApiCalls;
        int stalls;

        FixedRate(LoadGenerator.Result result, int sent, int replies) {
            this.result = result;
            this.sent = sent;
            this.replies = replies;
        }
    }

    private final Settings s;
    private final String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private final String loadBefore = loadAverage();
    final List<Double> oursStarts = new ArrayList<>();
    final List<Double> baseStarts = new ArrayList<>();
    final List<Double> oursCdsStarts = new ArrayList<>();
    final List<Double> oursRestarts = new ArrayList<>();
    final List<Double> oursCdsRestarts = new ArrayList<>();
    double oursRssIdle = Double.NaN;
    double oursRssAfter = Double.NaN;
    double oursPeakRss = Double.NaN;
    double baseRssIdle = Double.NaN;
    double baseRssAfter = Double.NaN;
    double basePeakRss = Double.NaN;
    Saturation s1Ours;
    /** The bot's database in scenarios 1 and 2: {@code sqlite} or {@code postgres} ({@code DB=}). */
    String database = "sqlite";
    Saturation s1Base;
    FixedRate s2;
    /** Scenarios 3 and 5. */
    final ScaleReport scale = new ScaleReport();
    String jfrSummary;
    String jfrRenderSummary;
    String jfrImportSummary;
    private final List<String> failures = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();

    Report(Settings s) {
        this.s = s;
    }

    /** Scenario 6's rows (PostgreSQL frozen), empty when it did not run. */
    java.util.List<String> s6 = java.util.List.of();

    String markdown() {
        failures.clear();
        missed.clear();
        StringBuilder t = new StringBuilder();
        t.append("| # | scenario | measure | incident-bot | bare Bolt baseline | ours ÷ baseline | target | verdict |\n");
        t.append("|---|---|---|---:|---:|---:|---|---|\n");
        scenario1(t);
        scenario2(t);
        scale.scenario3(t, s, missed, failures);
        scenario4(t);
        scale.scenario5(t, s, missed, failures);
        s6.forEach(t::append);
        if (s6.stream().anyMatch(row -> row.endsWith("| MISSED |\n"))) {
            missed.add("scenario 6");
        }

        StringBuilder b = new StringBuilder();
        b.append("## Benchmark results\n\n");
        b.append("Run ").append(startedAt).append(", commit ").append(System.getenv().getOrDefault("BENCH_GIT", "?"))
                .append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("; bot database (scenarios 1, 2) ")
                .append(database).append("; server JVMs `").append(s.text("JVM_OPTS"))
                .append("`; load average ").append(loadBefore).append(" before, ").append(loadAverage()).append(" after");
        if (!s.overrides().isEmpty()) {
            b.append("; overrides ").append(s.overrides());
        }
        b.append(".\n\n");
        String verdict = !failures.isEmpty() ? "FAILED" : !missed.isEmpty() ? "targets missed" : "ok";
        b.append("**Run: ").append(verdict).append("**");
        if (!failures.isEmpty()) {
            b.append(". Failed: ").append(String.join("; ", failures));
        }
        if (!missed.isEmpty()) {
            b.append(". Missed: ").append(String.join("; ", missed));
        }
        b.append(".\n\n");
        b.append(t);
        b.append("\nLatency is the ack latency seen by the load generator (request sent to answer read; in "
                + "scenario 2 from the request's slot in the schedule). \"stored\" counts `MESSAGE` timeline entries "
                + "in the bot's database after the run; a run that loses events is FAILED however fast it was.\n");
        if (s1Ours != null && s1Ours.result.firstError() != null) {
            b.append("\nFirst failed answer (incident-bot, scenario 1): `").append(s1Ours.result.firstError()
                    .replace('\n', ' ').replace("`", "'")).append("`\n");
        }
        if (s2 != null && s2.result.firstError() != null) {
            b.append("\nFirst failed answer (incident-bot, scenario 2): `").append(s2.result.firstError()
                    .replace('\n', ' ').replace("`", "'")).append("`\n");
        }
        if (jfrSummary != null) {
            b.append("\n<details><summary>JFR, scenario 1 (incident-bot)</summary>\n\n```\n").append(jfrSummary)
                    .append("```\n</details>\n");
        }
        if (jfrRenderSummary != null) {
            b.append("\n<details><summary>JFR, scenario 3 (render probe JVM, whole life)</summary>\n\n```\n")
                    .append(jfrRenderSummary).append("```\n</details>\n");
        }
        if (jfrImportSummary != null) {
            b.append("\n<details><summary>JFR, scenario 5 (import probe JVM, whole life)</summary>\n\n```\n")
                    .append(jfrImportSummary).append("```\n</details>\n");
        }
        return b.toString();
    }

    private void scenario1(StringBuilder t) {
        if (s1Ours == null && s1Base == null) {
            return;
        }
        String title = String.format(Locale.ROOT, "saturation: %,d events, %d in flight (after %,d warm-up)",
                s.integer("N"), s.integer("CONCURRENCY"), s.integer("WARMUP"));
        double ourTput = s1Ours == null ? Double.NaN : s1Ours.result.throughput();
        double baseTput = s1Base == null ? Double.NaN : s1Base.result.throughput();
        double ratio = ourTput / baseTput;
        String v = Double.isNaN(ratio) ? "–" : ratio >= 0.9 ? "ok" : "MISSED";
        if (v.equals("MISSED")) {
            missed.add(String.format(Locale.ROOT, "scenario 1 throughput %.2f× baseline", ratio));
        }
        row(t, "1", title, "throughput", f0(ourTput) + " events/s", f0(baseTput) + " events/s", times(ratio),
                "≥ 0.9× baseline", v);
        Latencies o = s1Ours == null ? null : s1Ours.result.stats();
        Latencies bl = s1Base == null ? null : s1Base.result.stats();
        row(t, "", "", "ack p50 / p90 / p99 / max", lat(o), lat(bl),
                o == null || bl == null ? "–" : "p99 " + times(o.p99() / bl.p99()), "–", "");
        double oc = s1Ours == null ? Double.NaN : s1Ours.serverCpuMicrosPerEvent;
        double bc = s1Base == null ? Double.NaN : s1Base.serverCpuMicrosPerEvent;
        row(t, "", "", "server CPU per event (user+sys)", us(oc), us(bc), times(oc / bc), "–", "");
        row(t, "", "", "load generator CPU per event (same 2 cores)",
                us(s1Ours == null ? Double.NaN : s1Ours.generatorCpuMicrosPerEvent),
                us(s1Base == null ? Double.NaN : s1Base.generatorCpuMicrosPerEvent), "", "–", "");
        row(t, "", "", "answered 200", answered(s1Ours), answered(s1Base), "", "all",
                check(all200(s1Ours) && all200(s1Base), "scenario 1: requests not answered 200"));
        if (s1Ours != null) {
            boolean ok = s1Ours.stored == s1Ours.sent;
            row(t, "", "", "stored = sent", String.format(Locale.ROOT, "%,d of %,d", s1Ours.stored, s1Ours.sent),
                    "n/a (stores nothing)", "", "all", check(ok, String.format(Locale.ROOT,
                            "scenario 1 stored %,d of %,d events", s1Ours.stored, s1Ours.sent)));
        }
    }

    private void scenario2(StringBuilder t) {
        if (s2 == null) {
            return;
        }
        String title = String.format(Locale.ROOT, "fixed rate: %d events/s for %d s, %.0f%% of Web API calls stall %.0f s, "
                        + "a note every %.1f s", s.integer("RATE"), s.integer("DURATION"),
                100 * s.decimal("STALL_SHARE"), s.integer("STALL_MS") / 1000.0, s.integer("NOTE_EVERY_MS") / 1000.0);
        Latencies l = s2.result.stats();
        String v = l.p99() < 50 ? "ok" : "MISSED";
        if (v.equals("MISSED")) {
            missed.add(String.format(Locale.ROOT, "scenario 2 p99 %.1f ms", l.p99()));
        }
        row(t, "2", title, "ack p50 / p90 / p99 / max", lat(l), "–", "", "p99 < 50 ms", v);
        row(t, "", "", "ack p50 / p90 / p99 / max, from actual send (generator lateness left out)",
                lat(Latencies.of(s2.result.fromSend())), "–", "", "–", "");
        row(t, "", "", "answered 200", answeredFixed(), "", "", "all",
                check(s2.result.ok() == s2.sent, "scenario 2: requests not answered 200"));
        row(t, "", "", "stored = sent", String.format(Locale.ROOT, "%,d of %,d", s2.stored, s2.sent), "", "", "all",
                check(s2.stored == s2.sent, String.format(Locale.ROOT, "scenario 2 stored %,d of %,d events",
                        s2.stored, s2.sent)));
        int commands = s2.commandStatuses.values().stream().mapToInt(Integer::intValue).sum();
        int commandsOk = s2.commandStatuses.getOrDefault(200, 0);
        row(t, "", "", "`/incident note` acks p50 / p99 / max", lat3(s2.commandLatencies)
                + String.format(Locale.ROOT, " (%d of %d answered 200)", commandsOk, commands), "", "", "< 3 s",
                check(commandsOk == commands && s2.commandLatencies.max() < 3000, "scenario 2: a note was not acked in 3 s"));
        int calls = s2.webApiCalls.values().stream().mapToInt(Integer::intValue).sum();
        row(t, "", "", "Web API calls made / stalled", calls + " / " + s2.stalls, "", "", "some stalled",
                s2.stalls > 0 ? "ok" : "vacuous");
        row(t, "", "", "generator fell behind by (max)", String.format(Locale.ROOT, "%.1f ms",
                s2.result.maxLateNanos() / 1e6), "", "", "", "");
    }

    private void scenario4(StringBuilder t) {
        if (oursStarts.isEmpty() && baseStarts.isEmpty()) {
            return;
        }
        double bl = median(baseStarts);
        startRow(t, "4", "process start → first 200 from `/healthz`; resident memory",
                "start on a fresh database (migrations run)", oursStarts, bl);
        startRow(t, "", "", "restart on a current database (migrations skipped)", oursRestarts, bl);
        startRow(t, "", "", "start with an AppCDS archive (option `CDS=1`), fresh database", oursCdsStarts, bl);
        startRow(t, "", "", "restart with the AppCDS archive", oursCdsRestarts, bl);
        row(t, "", "", "RSS idle / after scenario 1 / peak", rss(oursRssIdle, oursRssAfter, oursPeakRss),
                rss(baseRssIdle, baseRssAfter, basePeakRss), times(oursRssAfter / baseRssAfter), "–", "");
    }

    /** One start row: median of the starts, the baseline's, the ratio, verdict against < 2 s and ≤ 1.3×. */
    private void startRow(StringBuilder t, String n, String scenario, String what, List<Double> starts, double bl) {
        if (starts.isEmpty()) {
            return;
        }
        double o = median(starts);
        boolean ok = o < 2000 && (Double.isNaN(bl) || o / bl <= 1.3);
        if (!ok) {
            missed.add(String.format(Locale.ROOT, "scenario 4 %s %.0f ms (%s baseline)", what, o, times(o / bl)));
        }
        row(t, n, scenario, what + ", median of " + starts.size(), ms(o) + " " + list(starts),
                Double.isNaN(bl) ? "–" : ms(bl) + " " + list(baseStarts), times(o / bl), "< 2 s and ≤ 1.3×",
                ok ? "ok" : "MISSED");
    }

    private String check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
        return ok ? "ok" : "FAILED";
    }

    private static boolean all200(Saturation sat) {
        return sat == null || sat.result.ok() == sat.result.sent();
    }

    private static String answered(Saturation sat) {
        if (sat == null) {
            return "–";
        }
        LoadGenerator.Result r = sat.result;
        return String.format(Locale.ROOT, "%,d of %,d", r.ok(), r.sent()) + (r.ok() == r.sent() ? "" : " " + r.statuses());
    }

    private String answeredFixed() {
        LoadGenerator.Result r = s2.result;
        return String.format(Locale.ROOT, "%,d of %,d", r.ok(), r.sent()) + (r.ok() == r.sent() ? "" : " " + r.statuses());
    }

    static void row(StringBuilder t, String... cells) {
        t.append('|');
        for (String c : cells) {
            t.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        t.append('\n');
    }

    private static String lat(Latencies l) {
        return l == null ? "–" : String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.0f ms", l.p50(), l.p90(), l.p99(), l.max());
    }

    private static String lat3(Latencies l) {
        return l == null || l.count() == 0 ? "–" : String.format(Locale.ROOT, "%.1f / %.1f / %.0f ms", l.p50(), l.p99(), l.max());
    }

    private static String us(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f µs", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f ms", v);
    }

    private static String list(List<Double> v) {
        return v.size() < 2 ? "" : "(" + String.join(", ", v.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList()) + ")";
    }

    private static String rss(double idle, double after, double peak) {
        return Double.isNaN(idle) ? "–" : String.format(Locale.ROOT, "%.0f / %s / %s MiB", idle,
                Double.isNaN(after) ? "–" : String.format(Locale.ROOT, "%.0f", after),
                Double.isNaN(peak) ? "–" : String.format(Locale.ROOT, "%.0f", peak));
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + "/" + f[1];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
