package io.incidentbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scenario 5, {@code import} at scale: for each size of {@code IMPORT_MESSAGES} (10,000 and 100,000 by
 * default) a {@link SyntheticExport} of that many messages over {@code IMPORT_DAYS} day files (the first
 * holding {@code IMPORT_BUSY_SHARE} of them) is written into the work folder, then {@link ImportProbe}
 * imports it in a fresh JVM with {@code PROBE_JVM_OPTS} (a 64 MB heap by default). Each size becomes a
 * {@link ScaleReport.Import} of the report.
 */
final class ImportScenario {
    private final Settings s;
    private final Path work;
    private final Path results;
    private final Report report;

    ImportScenario(Settings s, Path work, Path results, Report report) {
        this.s = s;
        this.work = work;
        this.results = results;
        this.report = report;
    }

    /** Writes and imports each size in turn, smallest first, and puts the results into the report. */
    void run() throws Exception {
        for (int messages : s.integers("IMPORT_MESSAGES")) {
            report.scale.imports.add(importOne(messages));
        }
    }

    private ScaleReport.Import importOne(int messages) throws Exception {
        Path export = Files.createDirectories(work.resolve("export-" + messages));
        long t0 = System.nanoTime();
        SyntheticExport.Summary written = SyntheticExport.write(export, messages, s.integer("IMPORT_DAYS"),
                s.decimal("IMPORT_BUSY_SHARE"), s.integer("SEED"));
        BenchMain.log(String.format("synthetic export of %,d messages written in %.1f s: %s", messages,
                (System.nanoTime() - t0) / 1e9, written));
        Path recording = s.flag("JFR") ? results.resolve("scenario5-import-" + messages + ".jfr") : null;
        Path db = work.resolve("import-" + messages + ".db");
        Map<String, String> values = ProbeRun.run(s, s.options("PROBE_JVM_OPTS"), recording, ImportProbe.class,
                List.of(export.toString(), SyntheticExport.CHANNEL, db.toString(),
                        results.resolve("import-" + messages + ".md").toString()),
                results.resolve("import-" + messages + ".log"), 10);
        ScaleReport.Import out = new ScaleReport.Import(written, values);
        BenchMain.log("scenario 5, " + messages + " messages: " + out.status() + " " + values);
        if (recording != null && out.ok() && Files.exists(recording)) {
            String summary = JfrSummary.summarize(recording, 20);
            Files.writeString(results.resolve("scenario5-import-" + messages + "-jfr.txt"), summary);
            report.jfrImportSummary = "(" + messages + " messages)\n" + summary;
        }
        try (Stream<Path> walk = Files.walk(export)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(db);
        return out;
    }
}
