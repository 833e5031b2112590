package io.incidentbot.postmortem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Not a test: prints how long the timeline picture takes (building its input from the timeline and
 * drawing the PNG) for the sample export and for the 20,000-entry long incident, first call in a fresh
 * JVM and best of five warm calls. Run after {@code mvn -o test-compile}:
 * <pre>
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.incidentbot.postmortem.MeasureCharts
 * </pre>
 */
public final class MeasureCharts {
    private MeasureCharts() {
    }

    private interface Job {
        byte[] run() throws Exception;
    }

    private static void time(String what, Job job) throws Exception {
        long t0 = System.nanoTime();
        byte[] png = job.run();
        long first = System.nanoTime() - t0;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            job.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("%-50s first %5d ms   warm, best of 5 %4d ms   %,d bytes%n", what, first / 1_000_000,
                best / 1_000_000, png.length);
    }

    public static void main(String[] args) throws Exception {
        PostmortemInput sample = ChartPictures.importSample(Files.createTempDirectory("measure")).input();
        time("sample export", () -> TimelineChart.png(ChartInputBuilder.of(sample)));
        PostmortemInput longOne = ChartPictures.longIncident(ZoneId.of("UTC"));
        time("long incident (20,000 entries over 3 days)", () -> TimelineChart.png(ChartInputBuilder.of(longOne)));
        ChartInput built = ChartInputBuilder.of(longOne);
        time("long incident, drawing only", () -> TimelineChart.png(built));
    }
}
