package io.incidentbot.postmortem;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.testkit.LongIncident;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.incidentbot.testkit.LongIncident.ENTRIES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-entry incident (see {@link LongIncident}) drafted from SQLite through the service into a
 * writer that keeps nothing: the timeline must be streamed a fixed number of times (twice whole, plus
 * the key events and the entries that mention someone, selected by the database), never looked up
 * entry by entry, and the draft must grow linearly. (The CLI's low-memory test checks the heap.)
 */
class LongIncidentTest {
    @TempDir
    Path dir;

    @Test
    void aTwentyThousandEntryIncidentIsStreamedThroughTheServiceInAFewPasses() throws IOException {
        try (JdbiStorage real = Database.open(dir.resolve("big.db").toString())) {
            long number = real.transaction(r -> LongIncident.store(r, 0));
            CountingStorage storage = new CountingStorage(real);
            CountingWriter out = new CountingWriter();

            new PostmortemService(storage, UserDirectory.NONE, Clock.fixed(LongIncident.START, ZoneOffset.UTC),
                    ZoneId.of("UTC")).render(number, out);

            assertThat(out.headings().stream().filter(h -> h.startsWith("## "))).containsExactly(
                    "## Summary", "## Impact", "## Response metrics", "## Timeline of key events",
                    "## Root cause and contributing factors",
                    "## What went well", "## What went wrong", "## Where we got lucky", "## Follow-ups",
                    "## Participants", "## Appendix: full channel log");
            assertThat(out.headings()).contains("### 2026-03-14", "### 2026-03-15", "### 2026-03-16");
            assertThat(out.nestedItems("Appendix: full channel log")).isEqualTo(LongIncident.REPLIES);
            assertThat(out.items("Appendix: full channel log"))
                    .isEqualTo(LongIncident.topLevelMessages() + LongIncident.deletedParents());
            assertThat(out.items("Timeline of key events")).isEqualTo(LongIncident.NOTES + LongIncident.KEY_MESSAGES);
            assertThat(out.items("Participants")).isEqualTo(LongIncident.AUTHORS);
            assertThat(out.chars()).as("the draft grows linearly with the timeline").isLessThan(160L * ENTRIES);

            assertThat(storage.timelineCalls("forEach")).as("passes over the whole timeline").isLessThanOrEqualTo(2);
            assertThat(storage.timelineCalls("forEachKeyEvent")).as("the key events, selected by the database").isOne();
            assertThat(storage.timelineCalls("authors") + storage.timelineCalls("forEachMentioning"))
                    .as("the names, from two narrow reads").isEqualTo(2);
            assertThat(storage.allTimelineCalls()).as("no entry-by-entry lookups")
                    .isEqualTo(storage.timelineCalls("forEach") + 3);
        }
    }
}
