package io.incidentbot.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken exports: one clear line on standard error, exit status 2, and no incident stored. */
class ImportBadInputTest {
    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void databaseWithOneIncident() {
        env = Map.of("INCIDENT_DB", dir.resolve("incidents.db").toString());
        Path first = ExportFixtures.minimal(dir.resolve("first"));
        assertThat(CliRun.run(env, "import", first.toString(), "--channel", "inc-7-db").status()).isZero();
    }

    private CliRun refused(String... args) {
        CliRun run = CliRun.run(env, args);
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(ExportFixtures.incidents(env)).as("incidents stored").isEqualTo(1);
        return run;
    }

    @Test
    void aMissingFolder() {
        Path missing = dir.resolve("no-such-export");
        assertThat(refused("import", missing.toString(), "--channel", "inc-7-db").err())
                .isEqualTo("import: no such file or folder: " + missing + "\n");
    }

    @Test
    void aFolderThatIsNotAnExport() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(refused("import", empty.toString(), "--channel", "inc-7-db").err())
                .isEqualTo("import: " + empty + " is not a Slack export: channels.json is missing\n");
    }

    @Test
    void aMissingUsersFile() throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        Files.delete(export.resolve("users.json"));
        assertThat(refused("import", export.toString(), "--channel", "inc-7-db").err())
                .isEqualTo("import: the export has no users.json\n");
    }

    @Test
    void anUnknownChannelListsTheChannelsThatExist() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        assertThat(refused("import", export.toString(), "--channel", "inc-8-cache").err())
                .isEqualTo("import: no channel named inc-8-cache in " + export + "; its channels are: general, inc-7-db\n");
    }

    @Test
    void aChannelWithoutAFolder() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        assertThat(refused("import", export.toString(), "--channel", "general").err())
                .isEqualTo("import: the export has no folder general/ with the messages of #general\n");
    }

    @Test
    void brokenJsonInOneDayFileNamesTheFile() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", "[{\"type\": \"message\", \"text\": \"fixed\"");
        assertThat(refused("import", export.toString(), "--channel", "inc-7-db").err())
                .startsWith("import: inc-7-db/2026-05-02.json: broken JSON at line 1, column ");
    }

    @Test
    void brokenJsonInTheSampleLeavesTheDatabaseAsItWas() throws IOException {
        Path export = ExportFixtures.copy(ImportCommandTest.SAMPLE, dir.resolve("sample"));
        Path day = export.resolve("inc-42-orders-db-failover/2026-03-15.json");
        Files.writeString(day, Files.readString(day).replaceFirst("\"ts\":", "\"ts\" "));
        assertThat(refused("import", export.toString(), "--channel", "inc-42-orders-db-failover").err())
                .startsWith("import: inc-42-orders-db-failover/2026-03-15.json: broken JSON at line ");
    }

    @Test
    void aFileThatIsNeitherAFolderNorAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("export.txt"), "hello");
        assertThat(refused("import", file.toString(), "--channel", "inc-7-db").err())
                .isEqualTo("import: " + file + " is neither a folder nor a readable .zip file\n");
    }

    @Test
    void aMissingChannelOption() {
        assertThat(refused("import", dir.toString()).err())
                .isEqualTo("import: needs one export and a channel: import <export-dir-or-zip> --channel <name>\n");
    }

    @Test
    void aChannelWithNoMessagesFromPeople() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-01.json", """
                [{"type": "message", "subtype": "bot_message", "bot_id": "B1", "text": "hi", "ts": "1777600000.000100"}]""");
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", "[]");
        assertThat(refused("import", export.toString(), "--channel", "inc-7-db").err())
                .isEqualTo("import: #inc-7-db has no messages from people to import\n");
    }
}
