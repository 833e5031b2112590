package io.incidentbot.cli;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.timeline.TimelineEntry.SharedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export shaped like Slack's from before 2018 ({@code src/test/resources/old-export}, its README names
 * the sources of the shapes): {@code file_comment} messages and the single {@code file} object of a
 * {@code file_share} are people's messages with the file kept as a link.
 */
class ImportOldExportTest {
    static final Path OLD = Path.of("src/test/resources/old-export");
    static final String LOG = "https://example.slack.com/files/anna/F0LOG0001/search-errors.txt";

    @TempDir
    Path dir;

    @Test
    void fileCommentsAndSingleFilesAreMessagesWithTheFileAsALink() {
        Map<String, String> env = Map.of("INCIDENT_DB", dir.resolve("incidents.db").toString());
        CliRun run = CliRun.run(env, "import", OLD.toString(), "--channel", "inc-3-search-outage");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Imported #inc-3-search-outage as incident 1: 5 messages, 2 participants.\n");
        assertThat(run.out()).contains("**boris**: the index shard on node 3 is corrupt 📎 [search-errors.txt](" + LOG + ")",
                "**anna**: rebuilding it now", "stack traces from the search nodes", "📎 [search-errors.txt](" + LOG + ")");
        List<TimelineEntry> messages;
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            messages = storage.transaction(r -> r.timeline().list(1)).stream()
                    .filter(e -> e.kind() == EntryKind.MESSAGE).toList();
        }
        assertThat(messages).extracting(TimelineEntry::userId)
                .containsExactly("U0ANNA001", "U0ANNA001", "U0BORIS02", "U0ANNA001", "U0BORIS02");
        assertThat(messages.get(1).files()).containsExactly(new SharedFile("search-errors.txt", LOG));
        assertThat(messages.get(2).text()).isEqualTo("the index shard on node 3 is corrupt");
        assertThat(messages.get(2).files()).containsExactly(new SharedFile("search-errors.txt", LOG));
        assertThat(messages.get(3).files()).as("an empty file object is no link").isEmpty();
    }
}
