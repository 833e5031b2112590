package io.incidentbot.cli;

import io.incidentbot.store.TimelineRepository;

import io.incidentbot.postmortem.CountingWriter;
import io.incidentbot.testkit.LongIncident;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code postmortem <number>} in a child JVM whose heap is smaller than the incident's timeline: a
 * 20,000-entry incident with about 30 MB of message text drafted in a 32 MB heap. Keeping the timeline
 * (or the draft) in memory would fail with {@code OutOfMemoryError} (checked by making the service read
 * the timeline with {@code TimelineRepository.list}); streaming it does not. The serial collector suits
 * so small a heap.
 */
class LowMemoryCliTest {
    static final int PADDING = 1_500;
    static final String HEAP = System.getProperty("lowmemory.heap", "-Xmx32m");

    @TempDir
    Path dir;

    @Test
    void aTimelineLargerThanTheHeapIsDraftedByStreamingIt() throws Exception {
        Path db = dir.resolve("big.db");
        long number;
        try (JdbiStorage storage = Database.open(db.toString())) {
            number = storage.transaction(r -> LongIncident.store(r, PADDING));
        }
        Path errors = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.incidentbot.Main", "postmortem", Long.toString(number)));
        pb.environment().put("INCIDENT_DB", db.toString());
        pb.redirectError(errors.toFile());
        Process child = pb.start();
        CountingWriter out = new CountingWriter();
        try (Reader in = new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        boolean exited = child.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }

        assertThat(exited).as("the child exited").isTrue();
        assertThat(child.exitValue()).as("exit status; stderr: %s", read(errors)).isZero();
        assertThat(out.chars()).as("the draft holds every message's text").isGreaterThan(30_000_000L);
        assertThat(out.nestedItems("Appendix: full channel log")).isEqualTo(LongIncident.REPLIES);
        assertThat(out.items("Appendix: full channel log"))
                .isEqualTo(LongIncident.topLevelMessages() + LongIncident.deletedParents());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
