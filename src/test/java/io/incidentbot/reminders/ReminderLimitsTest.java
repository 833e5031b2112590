package io.incidentbot.reminders;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, reminders at 3 a.m.: "for 0 min" on the first reminder, "4 min" posted twice, reminders without end
 * and into a channel with no member. A real SQLite file and a clock the test moves.
 */
class ReminderLimitsTest {
    private static final ReminderPolicy POLICY = new ReminderPolicy(Duration.ofMinutes(4), null, 3);

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    JdbiStorage storage;
    IncidentService incidents;
    ReminderService reminders;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        io.incidentbot.incident.Transactions units = io.incidentbot.testkit.Units.slack(storage, clock, false);
        incidents = new IncidentService(units, change -> { }, new ReminderSchedule(POLICY),
                Duration.ofHours(24));
        reminders = new ReminderService(units, POLICY);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Incident declare() {
        Incident inc = incidents.declare(new Declaration("Checkout errors", Severity.SEV2, null, false, "UALICE001", null));
        storage.run(r -> r.incidents().setChannel(inc.number(), "CCHECKOUT", "inc-1"));
        return inc;
    }

    private List<ReminderNote> sent() {
        return ReminderServiceTest.Jobs.reminders(dir.resolve("incidents.db"));
    }

    @Test
    void theQuietTimeIsWholeMinutesRoundedAndNeverZero() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(ReminderNote.quiet(t, t)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReminderNote.quiet(t, t.plusSeconds(20))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReminderNote.quiet(t, t.plusSeconds(4 * 60 + 29))).isEqualTo(Duration.ofMinutes(4));
        assertThat(ReminderNote.quiet(t, t.plusSeconds(4 * 60 + 31))).isEqualTo(Duration.ofMinutes(5));
        assertThat(ReminderNote.quiet(t.plusSeconds(5), t)).as("clock skew").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aStatusChangeCountsAsTheLastChangeTheReminderMeasuresFrom() {
        declare();
        clock.advance(Duration.ofMinutes(3));
        incidents.setStatus("CCHECKOUT", io.incidentbot.incident.Status.IDENTIFIED, "UALICE001");
        clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(sent()).containsExactly(new ReminderNote.UpdateDue(1, "UALICE001", Duration.ofMinutes(1)));
    }

    @Test
    void aReplicaThatReadTheDueTimeLateNeverSendsTheNextOneInItsName() {
        declare();
        Instant firstDue = Instant.parse("2026-03-01T10:04:00Z");
        clock.advance(Duration.ofMinutes(4));
        assertThat(reminders.sendDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(4));
        // a replica that read the 10:04 due time before the reminder was sent claims it only now, at 10:08
        boolean late = storage.transaction(r -> r.reminders().claim(1, ReminderKind.UPDATE, firstDue, clock.instant()));
        assertThat(late).isFalse();
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(sent()).extracting(n -> ((ReminderNote.UpdateDue) n).quiet())
                .containsExactly(Duration.ofMinutes(4), Duration.ofMinutes(8));
    }

    @Test
    void afterMaxUnansweredRemindersOneFinalNoteThenNothingUntilTheNextUpdate() {
        declare();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(4));
            reminders.sendDue();
        }
        assertThat(sent()).hasSize(4).last().isEqualTo(new ReminderNote.Stopped(1, 3));
        assertThat(io.incidentbot.slack.render.ReminderPosts.text(sent().get(3)))
                .contains("No answer to 3 reminders; reminders stop until the next update");

        incidents.statusUpdate("CCHECKOUT", "Rolled back", "UALICE001");
        clock.advance(Duration.ofMinutes(4));
        assertThat(reminders.sendDue()).as("an update starts them again").isEqualTo(1);
    }

    @Test
    void noReminderIntoAChannelWithNoMember() {
        declare();
        storage.run(r -> r.participants().left(1, "UALICE001", clock.instant()));
        clock.advance(Duration.ofMinutes(4));
        assertThat(reminders.sendDue()).isZero();
        storage.run(r -> r.participants().add(1, "UBOB00001", clock.instant()));
        clock.advance(Duration.ofMinutes(4));
        assertThat(reminders.sendDue()).isEqualTo(1);
    }
}
