package io.incidentbot.bench;

import io.incidentbot.testkit.LongIncident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3, the postmortem draft at scale: for each size of {@code ENTRIES} (2,000, 20,000 and
 * 200,000 by default) the test kit's seeded long incident ({@link LongIncident#write}, with
 * {@code REPLIES_PER_1000} thread replies and {@code KEY_EVENTS_PER_1000} key events per 1,000 entries)
 * is written into a fresh SQLite file, then {@link RenderProbe} renders its draft in a fresh JVM with
 * {@code PROBE_JVM_OPTS} (a 64 MB heap by default; and a JFR recording when {@code JFR} is set). Each
 * size's {@code RESULT} line becomes a {@link ScaleReport.Render} of the report.
 */
final class RenderScenario {
    private final Settings s;
    private final Path work;
    private final Path results;
    private final Report report;

    RenderScenario(Settings s, Path work, Path results, Report report) {
        this.s = s;
        this.work = work;
        this.results = results;
        this.report = report;
    }

    /** Writes and renders each size in turn, smallest first, and puts the results into the report. */
    void run() throws Exception {
        for (int entries : s.integers("ENTRIES")) {
            report.scale.renders.add(render(entries));
        }
    }

    private ScaleReport.Render render(int entries) throws Exception {
        Path db = work.resolve("postmortem-" + entries + ".db");
        long t0 = System.nanoTime();
        LongIncident.Summary inc = LongIncident.write(db, entries, (int) ((long) entries * s.integer("REPLIES_PER_1000") / 1000),
                (int) ((long) entries * s.integer("KEY_EVENTS_PER_1000") / 1000), s.integer("PARTICIPANTS"),
                s.integer("SEED"));
        BenchMain.log(String.format("synthetic incident %d written in %.1f s: %s", inc.number(), (System.nanoTime() - t0) / 1e9, inc));
        Path md = results.resolve("postmortem-" + inc.entries() + ".md");
        Path recording = s.flag("JFR") ? results.resolve("scenario3-render-" + entries + ".jfr") : null;
        Map<String, String> values = ProbeRun.run(s, s.options("PROBE_JVM_OPTS"), recording, RenderProbe.class,
                List.of(db.toString(), String.valueOf(inc.number()), md.toString(), s.text("WARM_RENDERS")),
                results.resolve("render-" + entries + ".log"), 10);
        ScaleReport.Render out = new ScaleReport.Render(inc, values);
        BenchMain.log("scenario 3, " + entries + " entries: " + out.status() + " " + values);
        if (recording != null && out.ok() && Files.exists(recording) && (entries == ScaleReport.TARGET_ENTRIES
                || report.jfrRenderSummary == null)) {
            String summary = JfrSummary.summarize(recording, 20);
            Files.writeString(results.resolve("scenario3-render-" + entries + "-jfr.txt"), summary);
            report.jfrRenderSummary = "(" + entries + " entries)\n" + summary;
        }
        Files.deleteIfExists(db);
        return out;
    }
}
