package io.incidentbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: {@code import} printed a draft linking {@code incident-1-timeline.png}, a file it never wrote.
 * The draft now links the picture only when {@code --chart FILE} writes it, by FILE's name.
 */
class ImportChartTest {
    @TempDir
    Path dir;

    @Test
    void withoutChartTheDraftLinksNoPicture() {
        CliRun run = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("a.db").toString()), "import", "samples/export",
                "--channel", "inc-42-orders-db-failover");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("## Timeline of key events").doesNotContain("timeline.png", "Timeline picture");
        assertThat(Path.of("incident-1-timeline.png")).doesNotExist();
    }

    @Test
    void withChartThePictureIsWrittenAndLinkedByItsName() throws Exception {
        Path png = dir.resolve("orders-timeline.png");

        CliRun run = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("b.db").toString()), "import", "samples/export",
                "--channel", "inc-42-orders-db-failover", "--chart", png.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("](orders-timeline.png)");
        assertThat(run.err()).endsWith("Wrote the timeline picture of incident 1 to " + png + ".\n");
        assertThat(javax.imageio.ImageIO.read(png.toFile())).isNotNull();
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void chartWithoutAFileIsRefused() {
        CliRun run = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("c.db").toString()), "import", "samples/export",
                "--channel", "inc-42-orders-db-failover", "--chart");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("import: --chart needs a file name");
    }
}
