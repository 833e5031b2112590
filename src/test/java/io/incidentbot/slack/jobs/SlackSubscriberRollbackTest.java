package io.incidentbot.slack.jobs;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Slack subscriber keeps the channel posts of a unit of work only until it commits or rolls back. */
class SlackSubscriberRollbackTest {
    @TempDir
    Path dir;

    @Test
    void aRolledBackTransactionLeavesNoGatheredPostsBehindAndACommittedOneEnqueuesThem() {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
        SlackSubscriber slack = new SlackSubscriber(false, Duration.ofHours(24));
        try (JdbiStorage storage = Database.open(dir.resolve("bot.db").toString())) {
            Transactions tx = new Transactions(storage, List.of(slack), clock);

            assertThatThrownBy(() -> tx.run(w -> {
                w.record(new IncidentEvent.NoteAdded(7, "UALICE001", "db is back", w.now()));
                throw new IncidentException.NotFound(7);
            })).isInstanceOf(IncidentException.NotFound.class);
            assertThat(slack.gathering()).as("the rolled-back unit of work's posts are dropped").isZero();

            tx.run(w -> {
                w.record(new IncidentEvent.NoteAdded(7, "UALICE001", "db is back", w.now()));
                return null;
            });
            assertThat(slack.gathering()).isZero();
            long pending = storage.read(r -> r.outbox().pendingCount());
            assertThat(pending).as("the committed note is one channel post job").isEqualTo(1);
        }
    }
}
