package io.incidentbot.postmortem;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.incidentbot.postmortem.SampleIncident.ALICE;
import static io.incidentbot.postmortem.SampleIncident.BOB;
import static io.incidentbot.postmortem.SampleIncident.CAROL;
import static io.incidentbot.postmortem.SampleIncident.DAN;
import static io.incidentbot.postmortem.SampleIncident.NAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostmortemServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-16T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final List<String> asked = new ArrayList<>();

    /** A directory that knows the sample's names (not U04DAN) and records who it was asked about. */
    private final UserDirectory directory = id -> {
        asked.add(id);
        return Optional.ofNullable(NAMES.get(id));
    };

    @BeforeEach
    void storeTheSampleIncident() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        storage.run(SampleIncident::store);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private String draft(UserDirectory users) throws IOException {
        StringWriter out = new StringWriter();
        new PostmortemService(storage, users, CLOCK, ZoneId.of("UTC")).render(SampleIncident.NUMBER, out);
        return out.toString();
    }

    @Test
    void theDraftFromTheDatabaseMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches(draft(directory), "postmortem/incident-42-utc.md");
    }

    @Test
    void namesFoundInTheDirectoryAreCachedAndNotAskedForAgain() throws IOException {
        draft(directory);
        assertThat(asked).containsExactlyInAnyOrder(ALICE, BOB, CAROL, DAN, SampleIncident.ERIN);
        Optional<String> cached = storage.transaction(r -> r.userNames().find(CAROL));
        assertThat(cached).contains("Carol Díaz");

        asked.clear();
        draft(directory);
        assertThat(asked).containsExactly(DAN);
    }

    @Test
    void withoutADirectoryCachedNamesAreUsedThenSlackMentions() throws IOException {
        storage.run(r -> r.userNames().put(ALICE, "Alice (cached)", NOW));

        String draft = draft(UserDirectory.NONE);

        assertThat(draft).contains("| Lead | Alice (cached) |", "| Comms | <@U02BOB> |",
                "- [ ] Alert when WAL archiving stops or a DB disk passes 80% (<@U03CAROL>)");
    }

    @Test
    void aFailingDirectoryIsAskedOnceAndTheDraftIsStillWritten() throws IOException {
        UserDirectory down = id -> {
            asked.add(id);
            throw new IllegalStateException("ratelimited");
        };

        String draft = draft(down);

        assertThat(asked).hasSize(1);
        assertThat(draft).startsWith("# Incident 42: Orders DB failover").contains("| Lead | <@U01ALICE> |");
    }

    @Test
    void anUnknownIncidentNumberIsAnError() {
        PostmortemService service = new PostmortemService(storage, directory, CLOCK, ZoneId.of("UTC"));

        assertThatThrownBy(() -> service.render(43, new StringWriter()))
                .isInstanceOf(UnknownIncidentException.class).hasMessage("There is no incident 43.");
    }
}
