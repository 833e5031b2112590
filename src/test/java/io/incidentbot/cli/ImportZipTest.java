package io.incidentbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportZipTest {
    @TempDir
    Path dir;

    private CliRun importZip(String prefix) throws IOException {
        Path zip = ExportFixtures.zip(ImportCommandTest.SAMPLE, dir.resolve("export.zip"), prefix);
        return CliRun.run(Map.of("INCIDENT_DB", dir.resolve("incidents.db").toString()),
                "import", zip.toString(), "--channel", "#" + ImportCommandTest.CHANNEL);
    }

    @Test
    void aZipOfTheExportImportsLikeTheFolder() throws IOException {
        CliRun run = importZip("");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("56 messages, 5 participants");
        assertThat(run.out()).startsWith("# Incident 1: Orders DB failover\n").contains("- Zoë — 19 messages");
    }

    @Test
    void aZipWithTheExportInsideAFolderImportsToo() throws IOException {
        CliRun run = importZip("slack-export-2026-03-16/");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("- marcus.o — 13 messages");
    }
}
