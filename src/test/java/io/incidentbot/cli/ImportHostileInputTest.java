package io.incidentbot.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exports built to hurt the importer (issue 13): zip bombs, paths out of the export, Jackson's limits,
 * trailing content and symbolic links. Each is one line on standard error, exit status 2, no incident
 * stored, and no byte of a file's content in the message.
 */
class ImportHostileInputTest {
    private static final String SECRET = "hunter2SecretToken";

    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void databaseWithOneIncident() {
        env = Map.of("INCIDENT_DB", dir.resolve("incidents.db").toString());
        Path first = ExportFixtures.minimal(dir.resolve("first"));
        assertThat(CliRun.run(env, "import", first.toString(), "--channel", "inc-7-db").status()).isZero();
    }

    private String refused(Path export, String channel) {
        CliRun run = CliRun.run(env, "import", export.toString(), "--channel", channel);
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).doesNotContain(SECRET, "Exception", "\tat ");
        assertThat(ExportFixtures.incidents(env)).as("incidents stored").isEqualTo(1);
        return run.err();
    }

    /** Zips the minimal export and adds {@code extra} entries of {@code size} spaces each (compresses ~1000:1). */
    private Path bomb(String name, long size, int extra) throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve(name));
        Path zip = dir.resolve(name + ".zip");
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String f : new String[] {"channels.json", "users.json", "inc-7-db/2026-05-01.json"}) {
                z.putNextEntry(new ZipEntry(f));
                Files.copy(export.resolve(f), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("inc-7-db/2026-05-02.json"));
            z.write('[');
            for (long written = 0; written < size; written += spaces.length) {
                z.write(spaces, 0, (int) Math.min(spaces.length, size - written));
            }
            z.write(']');
            z.closeEntry();
            for (int i = 0; i < extra; i++) {
                z.putNextEntry(new ZipEntry("inc-7-db/extra-" + i + ".txt"));
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void aZipDeclaringMoreThanTheByteLimitIsRefusedBeforeAnythingIsRead() throws Exception {
        Path zip = bomb("declared", 4L * 1024 * 1024, 0);
        assertThatThrownBy(() -> SlackExport.open(zip, new ExportLimits(1024 * 1024, 100)))
                .isInstanceOf(CliException.class)
                .hasMessage("the export holds more than 1 MiB of uncompressed data, the import's limit;"
                        + " nothing imported");
    }

    @Test
    void anExportExpandingPastTheByteLimitIsRefusedAtTheLimit() throws Exception {
        Path zip = bomb("bomb", 4L * 1024 * 1024, 0);
        Path folder = dir.resolve("unzipped");
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            ExportFixtures.copy(fs.getPath("/"), folder);
        }
        try (SlackExport export = SlackExport.open(folder, new ExportLimits(1024 * 1024, 100))) {
            export.channels();
            export.users();
            export.list("inc-7-db/2026-05-01.json");
            assertThatThrownBy(() -> export.list("inc-7-db/2026-05-02.json"))
                    .isInstanceOf(CliException.class)
                    .hasMessage("the export holds more than 1 MiB of uncompressed data, the import's limit;"
                            + " nothing imported");
        }
        try (SlackExport export = SlackExport.open(zip, new ExportLimits(8L * 1024 * 1024, 100))) {
            assertThat(export.list("inc-7-db/2026-05-02.json")).as("under the limit it is read").isEmpty();
        }
    }

    @Test
    void aZipWithTooManyEntriesIsRefusedBeforeAnythingIsRead() throws Exception {
        Path zip = bomb("many", 10, 20);
        assertThatThrownBy(() -> SlackExport.open(zip, new ExportLimits(1024 * 1024, 20)))
                .isInstanceOf(CliException.class)
                .hasMessage(zip + " holds more than 20 entries, the import's limit; nothing imported");
        SlackExport.open(zip, new ExportLimits(1024 * 1024, 30)).close();
    }

    /**
     * The real default limit, in a child JVM with a 64 MB heap: 512 MiB of spaces in a day file are
     * streamed, counted and refused, never held in memory.
     */
    @Test
    void aZipBombAtTheDefaultLimitIsRefusedByTheCommandInASmallHeap() throws Exception {
        Path zip = bomb("default", ExportLimits.DEFAULT.maxBytes() + 1, 0);
        assertThat(Files.size(zip)).as("the zip is small").isLessThan(2L * 1024 * 1024);
        Path errors = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.incidentbot.Main", "import", zip.toString(), "--channel",
                "inc-7-db"));
        pb.environment().put("INCIDENT_DB", env.get("INCIDENT_DB"));
        pb.redirectError(errors.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        boolean exited = child.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited).as("the child exited").isTrue();
        String err = Files.readString(errors);
        assertThat(child.exitValue()).as(err).isEqualTo(2);
        assertThat(err).isEqualTo("import: the export holds more than 512 MiB of uncompressed data, the import's"
                + " limit; nothing imported\n");
        assertThat(ExportFixtures.incidents(env)).as("incidents stored").isEqualTo(1);
    }

    @Test
    void aChannelNamedDotDotIsNotReadInFolderMode() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "channels.json", """
                [{"id": "C9", "name": "../outside", "creator": "U1"}]""");
        ExportFixtures.write(dir, "outside/2026-05-01.json", """
                [{"type": "message", "user": "U1", "text": "from outside", "ts": "1777600000.000100"}]""");
        assertThat(refused(export, "../outside")).isEqualTo("import: channels.json: channel 1 in the list has a name"
                + " that is not a plain folder name (empty, \".\", \"..\", or holding /, \\ or NUL)\n");
    }

    @Test
    void channelNamesThatAreNotPlainFolderNamesAreRefused() {
        for (String name : new String[] {"..", ".", "", "a/b", "a\\b", "a\0b", "../inc-7-db"}) {
            assertThat(SlackExport.plainName(name)).as(name).isFalse();
        }
        assertThat(SlackExport.plainName("inc-7-db")).isTrue();
        assertThat(SlackExport.plainName("inc..7")).isTrue();
    }

    @Test
    void aChannelNamedDotDotIsNotReadInAZipEither() throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve("zipped"));
        ExportFixtures.write(export, "export/channels.json", """
                [{"id": "C9", "name": "../outside", "creator": "U1"}]""");
        ExportFixtures.write(export, "export/users.json", "[]");
        ExportFixtures.write(export, "outside/2026-05-01.json", """
                [{"type": "message", "user": "U1", "text": "from outside", "ts": "1777600000.000100"}]""");
        Files.delete(export.resolve("channels.json"));
        Path zip = ExportFixtures.zip(export, dir.resolve("zipped.zip"), "");
        assertThat(refused(zip, "../outside")).startsWith("import: channels.json: channel 1 in the list has a name");
    }

    /** Zip-slip: an entry whose name climbs out of the zip. */
    @Test
    void aZipEntryNamedOutOfTheZipIsNeverRead() throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve("slip"));
        Path zip = dir.resolve("slip.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String f : new String[] {"channels.json", "users.json", "inc-7-db/2026-05-01.json"}) {
                z.putNextEntry(new ZipEntry(f));
                Files.copy(export.resolve(f), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("inc-7-db/../../2026-05-02.json"));
            z.write(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertThat(refused(zip, "inc-7-db")).as("Java's zip file system refuses \"..\" in entry names")
                .isEqualTo("import: " + zip + " is neither a folder nor a readable .zip file\n");
        assertThat(Files.exists(dir.resolve("2026-05-02.json"))).as("nothing written outside").isFalse();
    }

    @Test
    void jacksonsNestingLimitIsOneLineNamingTheFile() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", "[".repeat(1_500) + "]".repeat(1_500));
        assertThat(refused(export, "inc-7-db")).startsWith("import: inc-7-db/2026-05-02.json: JSON nested deeper"
                + " than 1000 levels").endsWith("(the JSON parser's limit)\n");
    }

    @Test
    void jacksonsNumberLengthLimitIsOneLineNamingTheFile() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", "[" + "7".repeat(2_000) + "]");
        assertThat(refused(export, "inc-7-db")).startsWith("import: inc-7-db/2026-05-02.json: a JSON number longer"
                + " than 1000 characters");
    }

    @Test
    void jacksonsStringLengthLimitIsOneLineNamingTheFile() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", "[\"" + "x".repeat(20_000_001) + "\"]");
        assertThat(refused(export, "inc-7-db")).startsWith("import: inc-7-db/2026-05-02.json: a JSON string longer"
                + " than 20000000 characters");
    }

    @Test
    void contentAfterTheFirstJsonValueOfADayFileIsRefused() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", """
                [{"type": "message", "user": "U1", "text": "fixed", "ts": "1777690000.000100"}]
                [{"type": "message", "user": "U1", "text": "hidden", "ts": "1777690001.000100"}]""");
        assertThat(refused(export, "inc-7-db"))
                .isEqualTo("import: inc-7-db/2026-05-02.json: content after the first JSON value at line 2, column 1\n");
    }

    @Test
    void contentAfterTheFirstJsonValueOfChannelsOrUsersIsRefused() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "users.json", "[] {}");
        assertThat(refused(export, "inc-7-db")).startsWith("import: users.json: content after the first JSON value");
        ExportFixtures.write(export, "users.json", "[]");
        ExportFixtures.write(export, "channels.json", "[] 1");
        assertThat(refused(export, "inc-7-db")).startsWith("import: channels.json: content after the first JSON value");
    }

    @Test
    void brokenJsonNeverQuotesTheFile() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", SECRET + " and more");
        assertThat(refused(export, "inc-7-db")).startsWith("import: inc-7-db/2026-05-02.json: broken JSON at line 1,"
                + " column ");
    }

    @Test
    void aDayFileLinkedToAFileOutsideTheExportIsNotRead() throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET + " more words\n");
        Path day = export.resolve("inc-7-db/2026-05-02.json");
        Files.delete(day);
        Files.createSymbolicLink(day, secret);
        assertThat(refused(export, "inc-7-db"))
                .isEqualTo("import: inc-7-db/2026-05-02.json is a link to a file outside the export; refused\n");
    }

    @Test
    void aDayFileLinkedInsideTheExportIsReadButNeverQuoted() throws IOException {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        Files.writeString(export.resolve("notes.txt"), SECRET + " more words\n");
        Path day = export.resolve("inc-7-db/2026-05-02.json");
        Files.delete(day);
        Files.createSymbolicLink(day, Path.of("../notes.txt"));
        assertThat(refused(export, "inc-7-db")).startsWith("import: inc-7-db/2026-05-02.json: broken JSON at line 1");
    }

    @Test
    void aBadTsIsNotQuoted() {
        Path export = ExportFixtures.minimal(dir.resolve("export"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", """
                [{"type": "message", "user": "U1", "text": "fixed", "ts": "%s"}]""".formatted(SECRET));
        assertThat(refused(export, "inc-7-db")).isEqualTo("import: inc-7-db/2026-05-02.json: a message has no valid ts\n");
    }
}
