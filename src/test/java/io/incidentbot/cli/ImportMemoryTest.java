package io.incidentbot.cli;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} in a child JVM with a small heap (issue 24, "Bad input" and "Import memory"): a zip
 * bomb of messages is refused with one line, and a channel of 1.3 million messages imports, because
 * the import holds one message at a time and streams the messages to the database on a second reading
 * of the export. Before, every message of the channel was held at once: the bomb ended in
 * {@code OutOfMemoryError} with a stack trace and exit status 1, and so did the long channel.
 */
class ImportMemoryTest {
    private static final long START = 1_777_600_000L;

    @TempDir
    Path dir;

    /** 1 GB of 100 KB messages in one day file, zipped to about a megabyte, in a 256 MB heap. */
    @Test
    void aZipBombOfLongMessagesEndsWithOneLineAndExitStatus2InASmallHeap() throws Exception {
        char[] filler = new char[100 * 1024];
        Arrays.fill(filler, 'a');
        String text = new String(filler);
        Path zip = zip("bomb", 1, 10 * 1024, i -> "{\"type\": \"message\", \"user\": \"U1\", \"text\": \"" + text
                + "\", \"ts\": \"" + (START + i) + ".000100\"}");
        assertThat(Files.size(zip)).as("the zip is small").isLessThan(4L * 1024 * 1024);

        long started = System.nanoTime();
        Child run = importInChild("-Xmx256m", zip);
        assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(TimeUnit.SECONDS.toNanos(60));

        assertThat(run.status).as(run.err).isEqualTo(2);
        assertThat(run.err).isEqualTo("import: the export holds more than 512 MiB of uncompressed data, the import's"
                + " limit; nothing imported\n");
        assertThat(incidents()).isZero();
    }

    /**
     * A long channel of short messages over 13 days imported in a small heap. By default 260,000 messages in
     * a 40 MB heap, so the test stays short; the case (1.3 million messages, a 6.5 MiB zip, a 128 MB
     * heap, about three minutes on two busy cores) runs with {@code -Dimport.messages=1300000
     * -Dimport.heap=-Xmx128m}. Holding every message took about 300 bytes each: 78 MB here.
     */
    @Test
    void aChannelOfManyMessagesImportsInASmallHeap() throws Exception {
        int total = Integer.getInteger("import.messages", 260_000);
        int perDay = total / 13;
        Path zip = zip("long", 13, perDay, i -> "{\"type\": \"message\", \"user\": \"U" + (1 + i % 5)
                + "\", \"text\": \"step " + i + "\", \"ts\": \"" + (START + i / 10) + "." + String.format("%06d", i % 10)
                + "\"}");
        assertThat(Files.size(zip)).as("the zip").isLessThan(12L * 1024 * 1024);

        Child run = importInChild(System.getProperty("import.heap", "-Xmx40m"), zip);

        assertThat(run.status).as(run.err).isZero();
        assertThat(run.err).isEqualTo("Imported #inc-7-db as incident 1: " + perDay * 13 + " messages, 5 participants.\n");
        try (JdbiStorage storage = Database.open(dir.resolve("incidents.db").toString())) {
            int[] messages = {0};
            storage.read(r -> {
                r.timeline().forEach(1, e -> messages[0] += e.ts() != null ? 1 : 0);
                return null;
            });
            assertThat(messages[0]).isEqualTo(perDay * 13);
        }
    }

    private record Child(int status, String err) {
    }

    private Child importInChild(String heap, Path zip) throws Exception {
        Path errors = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.incidentbot.Main", "import", zip.toString(), "--channel",
                "inc-7-db"));
        pb.environment().put("INCIDENT_DB", dir.resolve("incidents.db").toString());
        pb.redirectError(errors.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        boolean exited = child.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited).as("the child exited").isTrue();
        return new Child(child.exitValue(), Files.readString(errors));
    }

    private int incidents() {
        Path db = dir.resolve("incidents.db");
        return Files.exists(db) ? ExportFixtures.incidents(Map.of("INCIDENT_DB", db.toString())) : 0;
    }

    /** @return a zipped export of channel inc-7-db with {@code days} day files of {@code perDay} messages each */
    private Path zip(String name, int days, int perDay, java.util.function.IntFunction<String> message)
            throws IOException {
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
             ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(days == 1 ? Deflater.DEFAULT_COMPRESSION : Deflater.BEST_SPEED);
            entry(z, "channels.json", """
                    [{"id": "C7", "name": "inc-7-db", "creator": "U1", "topic": {"value": "SEV2"},
                      "purpose": {"value": "Orders db down."}}]""");
            List<String> users = new ArrayList<>();
            for (int u = 1; u <= 5; u++) {
                users.add("{\"id\": \"U" + u + "\", \"name\": \"person" + u + "\"}");
            }
            entry(z, "users.json", "[" + String.join(",", users) + "]");
            for (int d = 0; d < days; d++) {
                z.putNextEntry(new ZipEntry(String.format("inc-7-db/2026-05-%02d.json", d + 1)));
                z.write('[');
                for (int i = 0; i < perDay; i++) {
                    z.write(((i > 0 ? ",\n" : "") + message.apply(d * perDay + i)).getBytes(StandardCharsets.UTF_8));
                }
                z.write(']');
                z.closeEntry();
            }
        }
        return zip;
    }

    private static void entry(ZipOutputStream z, String name, String json) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(json.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
