package io.incidentbot.bench;

import io.incidentbot.testkit.LongIncident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The rows of scenarios 3 (draft at scale) and 5 (import at scale) in the report's table: each size's
 * times and heap, time per 1,000 entries or messages so growth can be read off, the ratio of each size
 * to the one before it, and verdicts: linear (each size's time per 1,000 at most {@link #LINEAR} times the
 * smaller size's), within the probe's heap (the probe finished; an {@code OutOfMemoryError} fails it),
 * and the 20,000-entry draft's targets.
 */
final class ScaleReport {
    /** The draft size the time targets are for. */
    static final int TARGET_ENTRIES = 20_000;
    static final double COLD_TARGET_MS = 800;
    static final double WARM_TARGET_MS = 300;
    /** Growth still counted as linear: time per 1,000 at most this many times the smaller size's. */
    static final double LINEAR = 1.5;

    /** One probe's result: its {@code RESULT} values. */
    abstract static class Probe {
        final Map<String, String> values;

        Probe(Map<String, String> values) {
            this.values = values;
        }

        String status() {
            return values.getOrDefault("status", "error");
        }

        boolean ok() {
            return "ok".equals(status());
        }

        double value(String k) {
            return Double.parseDouble(values.getOrDefault(k, "NaN"));
        }

        String heap() {
            return String.format(Locale.ROOT, "%.0f / %.0f / %,.0f MiB (%s GCs)", value("peak_heap_mib"),
                    value("max_live_after_gc_mib"), value("allocated_mib"), values.get("gcs"));
        }
    }

    /** Scenario 3, one size. */
    static final class Render extends Probe {
        final LongIncident.Summary incident;

        Render(LongIncident.Summary incident, Map<String, String> values) {
            super(values);
            this.incident = incident;
        }
    }

    /** Scenario 5, one size. */
    static final class Import extends Probe {
        final SyntheticExport.Summary export;

        Import(SyntheticExport.Summary export, Map<String, String> values) {
            super(values);
            this.export = export;
        }
    }

    final List<Render> renders = new ArrayList<>();
    final List<Import> imports = new ArrayList<>();

    void scenario3(StringBuilder t, Settings s, List<String> missed, List<String> failures) {
        if (renders.isEmpty()) {
            return;
        }
        String heap = s.text("PROBE_JVM_OPTS");
        String title = String.format(Locale.ROOT, "postmortem draft at scale (%d thread replies and %d key events per 1,000 "
                        + "entries, %d participants), each size in a fresh JVM `%s`", s.integer("REPLIES_PER_1000"),
                s.integer("KEY_EVENTS_PER_1000"), s.integer("PARTICIPANTS"), heap);
        String first = "3";
        Render prev = null;
        for (Render r : renders) {
            int n = r.incident.entries();
            String size = String.format(Locale.ROOT, "%,d entries", n);
            if (!r.ok()) {
                failures.add("scenario 3, " + size + ": " + r.values.get("reason"));
                Report.row(t, first, title, size + ": render", "error: " + r.values.get("reason"), "", "", "within " + heap,
                        "FAILED");
                first = "";
                title = "";
                continue;
            }
            double cold = r.value("cold_ms");
            double warm = r.value("warm_ms");
            String target = "–";
            String verdict = "";
            if (n == TARGET_ENTRIES) {
                target = "cold < 0.8 s, warm < 0.3 s";
                verdict = cold < COLD_TARGET_MS && warm < WARM_TARGET_MS ? "ok" : "MISSED";
                if (cold >= COLD_TARGET_MS) {
                    missed.add(String.format(Locale.ROOT, "scenario 3 cold render of %,d entries %.0f ms", n, cold));
                }
                if (warm >= WARM_TARGET_MS) {
                    missed.add(String.format(Locale.ROOT, "scenario 3 warm render of %,d entries %.0f ms", n, warm));
                }
            }
            Report.row(t, first, title, size + ": render cold (first in the JVM) / warm (best of " + s.text("WARM_RENDERS")
                            + "); per 1,000 entries; (rendering thread's CPU)", String.format(Locale.ROOT,
                            "%,.0f / %,.0f ms; %.1f / %.1f ms; (CPU %,.0f / %,.0f ms)", cold, warm, cold * 1000 / n,
                            warm * 1000 / n, r.value("cold_cpu_ms"), r.value("warm_cpu_ms")), "", growth(prev, r, n, ScaleReport::entries, "entries",
                            p -> p.value("cold_ms"), p -> p.value("warm_ms")), target, verdict);
            Report.row(t, "", "", size + ": heap peak used / max live after GC / allocated; draft size", r.heap()
                    + String.format(Locale.ROOT, "; %,.0f lines, %,.0f KiB", r.value("lines"), r.value("bytes") / 1024),
                    "", "", "within " + heap, "ok");
            first = "";
            title = "";
            prev = r;
        }
        linear(t, renders, ScaleReport::entries, "entries", "scenario 3", missed, p -> p.value("cold_ms"),
                p -> p.value("warm_ms"));
    }

    void scenario5(StringBuilder t, Settings s, List<String> missed, List<String> failures) {
        if (imports.isEmpty()) {
            return;
        }
        String heap = s.text("PROBE_JVM_OPTS");
        String title = String.format(Locale.ROOT, "`import` of a synthetic Slack export (%d day files, the first holding "
                + "%.0f%% of the messages), each size in a fresh JVM `%s`", s.integer("IMPORT_DAYS"),
                100 * s.decimal("IMPORT_BUSY_SHARE"), heap);
        String first = "5";
        Import prev = null;
        for (Import r : imports) {
            int n = r.export.messages();
            String size = String.format(Locale.ROOT, "%,d messages (%,.0f MiB; busiest day %,d)", n,
                    r.export.bytes() / (1024.0 * 1024), r.export.busiestDay());
            if (!r.ok()) {
                failures.add(String.format(Locale.ROOT, "scenario 5, %,d messages: %s", n, r.values.get("reason")));
                Report.row(t, first, title, size + ": import", "error: " + r.values.get("reason"), "", "", "within " + heap,
                        "FAILED");
                first = "";
                title = "";
                continue;
            }
            double ms = r.value("import_ms");
            Report.row(t, first, title, size + ": import, messages/s; per 1,000 messages; (main thread's CPU)",
                    String.format(Locale.ROOT, "%,.0f ms, %,.0f messages/s; %.1f ms; (CPU %,.0f ms)", ms, n / (ms / 1000),
                            ms * 1000 / n, r.value("cpu_ms")), "",
                    growth(prev, r, n, ScaleReport::messages, "messages", p -> p.value("import_ms")), "–", "");
            Report.row(t, "", "", size + ": heap peak used / max live after GC / allocated; entries stored", r.heap()
                    + String.format(Locale.ROOT, "; %,.0f entries", r.value("entries")), "", "", "within " + heap, "ok");
            first = "";
            title = "";
            prev = r;
        }
        linear(t, imports, ScaleReport::messages, "messages", "scenario 5", missed, p -> p.value("import_ms"));
    }

    private static int entries(Render r) {
        return r.incident.entries();
    }

    private static int messages(Import r) {
        return r.export.messages();
    }

    /** @return e.g. "×9.6 / ×10.4 the time for ×10.0 the entries", against the size before */
    @SafeVarargs
    private static <P extends Probe> String growth(P prev, P cur, int n, ToDoubleFunction<P> size, String unit,
                                                   ToDoubleFunction<P>... times) {
        if (prev == null) {
            return "";
        }
        List<String> r = new ArrayList<>();
        for (ToDoubleFunction<P> time : times) {
            r.add(String.format(Locale.ROOT, "×%.1f", time.applyAsDouble(cur) / time.applyAsDouble(prev)));
        }
        return String.join(" / ", r) + String.format(Locale.ROOT, " the time for ×%.1f the %s", n / size.applyAsDouble(prev),
                unit);
    }

    /** The verdict row: every time's cost per 1,000 at most {@link #LINEAR}× the smaller size's. */
    @SafeVarargs
    private static <P extends Probe> void linear(StringBuilder t, List<P> probes, ToDoubleFunction<P> size, String unit,
                                                 String scenario, List<String> missed, ToDoubleFunction<P>... times) {
        List<P> ok = probes.stream().filter(Probe::ok).toList();
        if (ok.size() < 2) {
            return;
        }
        double worst = 0;
        List<String> perK = new ArrayList<>();
        for (ToDoubleFunction<P> time : times) {
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < ok.size(); i++) {
                double per = time.applyAsDouble(ok.get(i)) * 1000 / size.applyAsDouble(ok.get(i));
                steps.add(String.format(Locale.ROOT, "%.1f", per));
                if (i > 0) {
                    double before = time.applyAsDouble(ok.get(i - 1)) * 1000 / size.applyAsDouble(ok.get(i - 1));
                    worst = Math.max(worst, per / before);
                }
            }
            perK.add(String.join(" → ", steps));
        }
        boolean linear = worst <= LINEAR;
        if (!linear) {
            missed.add(String.format(Locale.ROOT, "%s grows faster than linearly (time per 1,000 %s ×%.1f)", scenario,
                    unit, worst));
        }
        Report.row(t, "", "", "growth: time per 1,000 " + unit + " by size (ms)", String.join("; ", perK), "",
                String.format(Locale.ROOT, "worst step ×%.2f", worst), String.format(Locale.ROOT, "linear (≤ ×%.1f)", LINEAR),
                linear ? "ok" : "MISSED");
    }
}
