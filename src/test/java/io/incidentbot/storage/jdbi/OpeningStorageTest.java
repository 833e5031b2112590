package io.incidentbot.storage.jdbi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage the bot starts with, opened in the background: the services built while it opens must see
 * the same group commit limit as the database it opens (a default of 1 here turned group commit off in the
 * bot while the unit tests, on a plain JdbiStorage, still had it on).
 */
class OpeningStorageTest {
    @TempDir
    Path dir;

    @Test
    void groupsEventsLikeTheSqliteStorageItOpens() {
        try (OpeningStorage opening = new OpeningStorage(dir.resolve("bot.db").toString())) {
            int limit = opening.groupCommitLimit();
            try (JdbiStorage opened = Database.open(dir.resolve("other.db").toString())) {
                assertThat(limit).isEqualTo(opened.groupCommitLimit()).isGreaterThan(1);
            }
            assertThat(opening.ready().groupCommitLimit()).isEqualTo(limit);
        }
    }

    @Test
    void keepsEachEventInItsOwnTransactionOnPostgres() {
        // Known from the URL, before (and whatever) the opening thread finds at that address.
        try (OpeningStorage opening = new OpeningStorage("jdbc:postgresql://127.0.0.1:9/none")) {
            assertThat(opening.groupCommitLimit()).isEqualTo(JdbiStorage.groupCommitLimit(true)).isEqualTo(1);
        }
    }
}
