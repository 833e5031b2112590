package io.incidentbot.process.checklist;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checklist subscriber keeps the incidents a unit of work touched only until it commits or rolls back. */
class ChecklistSubscriberRollbackTest {
    @TempDir
    Path dir;

    @Test
    void aRolledBackTransactionLeavesNoGatheredIncidentBehind() {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
        ChecklistSubscriber checklist = new ChecklistSubscriber(ChecklistRulesTest.PROCESS);
        try (JdbiStorage storage = Database.open(dir.resolve("bot.db").toString())) {
            Transactions tx = new Transactions(storage, List.of(checklist), clock);

            assertThatThrownBy(() -> tx.run(w -> {
                w.record(new IncidentEvent.NoteAdded(7, "UALICE001", "db is back", w.now()));
                throw new IncidentException.NotFound(7);
            })).isInstanceOf(IncidentException.NotFound.class);

            assertThat(checklist.gathering()).isZero();
        }
    }
}
