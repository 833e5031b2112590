package io.incidentbot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day files are read one message at a time ({@link ExportJson#forEach}), so a busy day's file needs no
 * more memory than a quiet one's (scenario 5 of the benchmark imports a 20,000-message day in a 64 MB
 * heap). Streaming must change nothing else: the same messages, the same draft, and a broken file still
 * refused with one line naming it and nothing stored.
 */
class ImportLargeDayFileTest {
    private static final long START = 1_777_600_000L;

    @TempDir
    Path dir;

    @Test
    void streamingAListGivesTheSameElementsAsReadingItWhole() throws Exception {
        String json = """
                [{"ts": "1.000001", "text": "Zoë: \\u00e9 <@U1>", "blocks": [{"elements": [{"text": "x"}]}]},
                 null, 7, "text", [1, [2, {"a": null}]], {"edited": {"ts": "2.000000"}, "reactions": []}]""";
        List<JsonNode> streamed = new ArrayList<>();
        ExportJson.forEach(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "day.json", streamed::add);

        List<JsonNode> whole = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(whole::add);
        assertThat(streamed).isEqualTo(whole);
    }

    @Test
    void aDayFileOfThousandsOfMessagesImportsAsTheSameMessagesSplitOverDays() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String ts = (START + 20L * i) + ".000100";
            String thread = i % 4 == 3 ? ", \"thread_ts\": \"" + (START + 20L * (i - 1)) + ".000100\"" : "";
            messages.add("{\"type\": \"message\", \"user\": \"U" + (1 + i % 5) + "\", \"text\": \"message " + i
                    + " <@U2>\", \"ts\": \"" + ts + "\"" + thread + "}");
        }
        Path oneDay = export(dir.resolve("one-day"));
        ExportFixtures.write(oneDay, "inc-7-db/2026-05-01.json", "[" + String.join(",\n", messages) + "]");
        Path split = export(dir.resolve("split"));
        for (int d = 0; d < 3; d++) {
            ExportFixtures.write(split, "inc-7-db/2026-05-0" + (d + 1) + ".json",
                    "[" + String.join(",\n", messages.subList(d * 1_000, (d + 1) * 1_000)) + "]");
        }

        CliRun a = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("a.db").toString()), "import", oneDay.toString(),
                "--channel", "inc-7-db");
        CliRun b = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("b.db").toString()), "import", split.toString(),
                "--channel", "inc-7-db");

        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.err()).isEqualTo("Imported #inc-7-db as incident 1: 3000 messages, 5 participants.\n");
        assertThat(a.out()).isEqualTo(b.out()).contains("message 2999 @person2");
    }

    @Test
    void aBrokenMessageAfterThousandsOfGoodOnesIsRefusedNamingTheFileAndStoresNothing() {
        StringBuilder day = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            day.append("{\"type\": \"message\", \"user\": \"U1\", \"text\": \"ok\", \"ts\": \"").append(START + i)
                    .append(".000100\"},\n");
        }
        day.append("{\"type\": \"message\", \"user\": \"U1\", \"text\": oops}]");
        Path export = export(dir.resolve("broken"));
        ExportFixtures.write(export, "inc-7-db/2026-05-01.json", day.toString());

        CliRun run = importInto(export, "broken.db");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("import: inc-7-db/2026-05-01.json: broken JSON at line 2001, column ")
                .doesNotContain("oops");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(ExportFixtures.incidents(Map.of("INCIDENT_DB", dir.resolve("broken.db").toString()))).isZero();
    }

    @Test
    void aDayFileThatEndsInsideItsListIsRefused() {
        Path export = ExportFixtures.minimal(dir.resolve("cut"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", """
                [{"type": "message", "user": "U1", "text": "fixed", "ts": "1777690000.000100"},
                 {"type": "message", "user": "U1",""");
        CliRun run = importInto(export, "cut.db");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("import: inc-7-db/2026-05-02.json: broken JSON at line 2, column ");
    }

    @Test
    void aDayFileThatIsNotAListIsRefused() {
        Path export = ExportFixtures.minimal(dir.resolve("object"));
        ExportFixtures.write(export, "inc-7-db/2026-05-02.json", """
                {"type": "message", "user": "U1", "text": "fixed", "ts": "1777690000.000100"}""");
        CliRun run = importInto(export, "object.db");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("import: inc-7-db/2026-05-02.json: expected a JSON list\n");
    }

    private CliRun importInto(Path export, String db) {
        return CliRun.run(Map.of("INCIDENT_DB", dir.resolve(db).toString()), "import", export.toString(), "--channel",
                "inc-7-db");
    }

    /** @return an export with the channel {@code inc-7-db} and users U1..U5, and no day files yet */
    private static Path export(Path export) {
        ExportFixtures.write(export, "channels.json", """
                [{"id": "C7", "name": "inc-7-db", "creator": "U1", "topic": {"value": "SEV2"},
                  "purpose": {"value": "Orders db down."}}]""");
        StringBuilder users = new StringBuilder("[");
        for (int u = 1; u <= 5; u++) {
            users.append(u > 1 ? "," : "").append("{\"id\": \"U").append(u).append("\", \"name\": \"person").append(u)
                    .append("\"}");
        }
        ExportFixtures.write(export, "users.json", users.append("]").toString());
        return export;
    }
}
