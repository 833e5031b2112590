package io.incidentbot.bench;

import io.incidentbot.testkit.LongIncident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3: the test kit's seeded long incident ({@link LongIncident#write}) is written into a fresh
 * SQLite file, then {@link RenderProbe} renders its postmortem draft in a child JVM with the bench's JVM
 * options (and a JFR recording when {@code JFR} is set); its {@code RESULT} line goes into the report.
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

    /** Writes the incident, renders its draft in a child JVM and puts the result into the report. */
    void run() throws Exception {
        Path db = work.resolve("postmortem.db");
        long t0 = System.nanoTime();
        LongIncident.Summary inc = LongIncident.write(db, s.integer("ENTRIES"), s.integer("REPLIES"),
                s.integer("KEY_EVENTS"), s.integer("PARTICIPANTS"), s.integer("SEED"));
        BenchMain.log(String.format("synthetic incident %d written in %.1f s: %s", inc.number(), (System.nanoTime() - t0) / 1e9, inc));
        Report.Render out = new Report.Render(inc);
        Path md = results.resolve("postmortem-" + inc.entries() + ".md");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(s.jvmOptions());
        Path recording = results.resolve("scenario3-render.jfr");
        if (s.flag("JFR")) {
            cmd.add("-XX:StartFlightRecording=filename=" + recording.toAbsolutePath() + ",settings=profile");
        }
        cmd.addAll(List.of("-cp", s.text("CLASSES") + java.io.File.pathSeparator + s.text("JAR"),
                RenderProbe.class.getName(), db.toString(), String.valueOf(inc.number()), md.toString(),
                s.text("WARM_RENDERS")));
        Path logFile = results.resolve("render.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            out.status = "error";
            out.reason = "render probe did not finish within 5 minutes";
        } else {
            String result = Files.readAllLines(logFile).stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                    .orElse(null);
            if (result == null) {
                out.status = "error";
                out.reason = "render probe exited with " + p.exitValue() + " and no result; see " + logFile;
            } else {
                for (String kv : result.substring(7).split(" ")) {
                    int eq = kv.indexOf('=');
                    out.values.put(kv.substring(0, eq), kv.substring(eq + 1).replace('_', ' '));
                }
                out.status = out.values.get("status");
                out.reason = out.values.get("reason");
            }
        }
        BenchMain.log("scenario 3: " + out.status + (out.reason != null ? " (" + out.reason + ")" : "") + " " + out.values);
        if (s.flag("JFR") && "ok".equals(out.status) && Files.exists(recording)) {
            String summary = JfrSummary.summarize(recording, 20);
            Files.writeString(results.resolve("scenario3-render-jfr.txt"), summary);
            report.jfrRenderSummary = summary;
        }
        report.s3 = out;
    }

}
