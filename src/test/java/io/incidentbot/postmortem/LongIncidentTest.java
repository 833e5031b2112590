package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.storage.Database;
import io.incidentbot.storage.JdbiStorage;
import io.incidentbot.storage.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-entry incident (15,000 channel messages and notes, 5,000 thread replies, over three days)
 * drafted from SQLite through the service into a writer that keeps nothing: the timeline must be
 * streamed a fixed number of times, never looked up entry by entry, and the draft must grow linearly.
 */
class LongIncidentTest {
    static final int ENTRIES = 20_000;
    static final Instant START = Instant.parse("2026-03-14T20:00:00Z");

    @TempDir
    Path dir;

    /**
     * Entry {@code i}, 12 s after entry {@code i - 1}: if {@code i % 4 == 3} a thread reply to the
     * top-level message {@link #rootOf}; if {@code i % 100 == 49} a note; a top-level message otherwise,
     * deleted if {@code i % 400 == 2}, a key event if {@code i % 1000 == 6}.
     */
    static TimelineEntry entry(long incident, int i) {
        Instant at = START.plusSeconds(12L * i);
        String ts = SlackTs.fromInstant(at);
        String user = "U" + (1000 + i % 40);
        if (i % 100 == 49) {
            return new TimelineEntry(0, incident, EntryKind.NOTE, at, null, null, user, "note " + i, null, false, false,
                    List.of());
        }
        String threadTs = i % 4 == 3 ? SlackTs.fromInstant(START.plusSeconds(12L * rootOf(i))) : null;
        boolean deleted = threadTs == null && i % 400 == 2;
        boolean key = threadTs == null && i % 1000 == 6;
        return new TimelineEntry(0, incident, EntryKind.MESSAGE, at, ts, threadTs, user,
                "message " + i + ": checkout p99 is 1.2 s, <@U1001> please look at <https://g.example/d/" + i + "|graph>",
                null, deleted, key, List.of());
    }

    /** @return the top-level message ({@code i % 4 == 2}) that reply {@code i} answers: up to 6 before it */
    static int rootOf(int reply) {
        return Math.max(2, reply - 1 - 4 * (reply % 7));
    }

    /** @return deleted top-level messages that have replies: each is written as "(deleted message)" */
    static int deletedParents() {
        java.util.Set<Integer> roots = new java.util.HashSet<>();
        for (int i = 3; i < ENTRIES; i += 4) {
            roots.add(rootOf(i));
        }
        return (int) roots.stream().filter(r -> r % 400 == 2).count();
    }

    /** Stores the incident and its entries; returns its number. */
    static long store(Repositories r) {
        long n = r.incidents().create("Checkout slow for three days", Severity.SEV2, false, null, "U1000", START)
                .number();
        Instant end = START.plusSeconds(12L * ENTRIES);
        r.incidents().setStatus(n, Status.RESOLVED, START.plusSeconds(3600), START.plusSeconds(7200), end);
        r.incidents().setChannel(n, "C1", "inc-1-checkout-slow");
        for (int i = 0; i < ENTRIES; i++) {
            r.timeline().add(entry(n, i));
        }
        for (int u = 0; u < 40; u++) {
            r.userNames().put("U" + (1000 + u), "Person " + u, START);
        }
        return n;
    }

    @Test
    void aTwentyThousandEntryIncidentIsStreamedThroughTheServiceInAFewPasses() throws IOException {
        try (JdbiStorage real = Database.open(dir.resolve("big.db").toString())) {
            long number = real.transaction(LongIncidentTest::store);
            CountingStorage storage = new CountingStorage(real);
            CountingWriter out = new CountingWriter();

            new PostmortemService(storage, UserDirectory.NONE, Clock.fixed(START, ZoneOffset.UTC), ZoneId.of("UTC"))
                    .render(number, out);

            int notes = ENTRIES / 100;
            int replies = ENTRIES / 4;
            int deletedTopLevel = ENTRIES / 400;
            int topLevelMessages = ENTRIES - notes - replies - deletedTopLevel;
            assertThat(out.headings().stream().filter(h -> h.startsWith("## "))).containsExactly(
                    "## Summary", "## Impact", "## Timeline of key events", "## Root cause and contributing factors",
                    "## What went well", "## What went wrong", "## Where we got lucky", "## Follow-ups",
                    "## Participants", "## Appendix: full channel log");
            assertThat(out.headings()).contains("### 2026-03-14", "### 2026-03-15", "### 2026-03-16");
            assertThat(out.nestedItems("Appendix: full channel log")).isEqualTo(replies);
            assertThat(out.items("Appendix: full channel log")).isEqualTo(topLevelMessages + deletedParents());
            assertThat(out.items("Timeline of key events")).isEqualTo(notes + ENTRIES / 1000);
            assertThat(out.items("Participants")).isEqualTo(40);
            assertThat(out.chars()).as("the draft grows linearly with the timeline").isLessThan(160L * ENTRIES);

            assertThat(storage.timelineCalls("forEach")).as("passes over the timeline").isLessThanOrEqualTo(4);
            assertThat(storage.allTimelineCalls()).as("no entry-by-entry lookups")
                    .isEqualTo(storage.timelineCalls("forEach"));
        }
    }
}
