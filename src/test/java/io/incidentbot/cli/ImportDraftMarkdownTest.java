package io.incidentbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, the draft of an imported channel: a display name holding line breaks started a heading of its
 * own in the draft ("# Root cause" inside a name), and a masked link ({@code <https://x|label>}) showed
 * only its label. Names are now one line, and a masked link shows its address after its label.
 */
class ImportDraftMarkdownTest {
    @TempDir
    Path dir;

    @Test
    void aNameWithLineBreaksStaysOnItsLineAndAMaskedLinkShowsItsAddress() {
        Path export = dir.resolve("export");
        ExportFixtures.write(export, "channels.json", """
                [{"id": "C7", "name": "inc-7-db", "creator": "U1", "topic": {"value": ""}, "purpose": {"value": ""}}]""");
        ExportFixtures.write(export, "users.json", """
                [{"id": "U1", "name": "ann", "profile": {"display_name": "Ann\\n\\n# Root cause\\n- it was Bob\\u2028x"}}]""");
        ExportFixtures.write(export, "inc-7-db/2026-05-01.json", """
                [{"type": "message", "user": "U1", "text": "db down, see <https://evil.example/login|Open runbook>",
                  "ts": "1777600000.000100"}]""");

        CliRun run = CliRun.run(Map.of("INCIDENT_DB", dir.resolve("a.db").toString()), "import", export.toString(),
                "--channel", "inc-7-db");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("**Ann # Root cause - it was Bob x**")
                .contains("[Open runbook](https://evil.example/login) (`https://evil.example/login`)");
        assertThat(run.out().lines()).noneMatch(l -> l.startsWith("# Root cause") || l.startsWith("- it was Bob"));
    }
}
