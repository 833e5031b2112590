package io.incidentbot.trackers;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.testkit.TempDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue reminders on a settable clock. */
class FollowUpRemindersTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @RegisterExtension
    final TempDatabase db = new TempDatabase();
    JdbiStorage storage;
    final TestClock clock = new TestClock(T0);

    @BeforeEach
    void open() {
        storage = db.storage();
    }

    private long followUp(String owner, String due) {
        return storage.transaction((Repositories r) -> {
            long n = r.incidents().create("Checkout fails", Severity.SEV2, false, null, "U0LEAD", T0).number();
            long id = r.followUps().add(n, "add an alert", owner, "U0LEAD", T0).id();
            r.trackers().plan(id, due == null ? null : LocalDate.parse(due), null);
            return id;
        });
    }

    private static List<Long> ids(List<FollowUpRecord> list) {
        return list.stream().map(FollowUpRecord::id).toList();
    }

    @Test
    void anOverdueFollowUpRemindsItsOwnerOncePerInterval() {
        long overdue = followUp("U0SAM", "2026-12-05");
        followUp(null, "2026-12-01");          // nobody to remind
        followUp("U0ANA", null);               // no due date
        long doneLate = followUp("U0ANA", "2026-12-02");
        storage.run(r -> r.trackers().changeState(doneLate, FollowUpState.DONE, "U0ANA", T0, "slack"));
        FollowUpReminders reminders = new FollowUpReminders(storage, clock, ZoneOffset.UTC, Duration.ofDays(7));

        clock.set(Instant.parse("2026-12-05T23:00:00Z"));
        assertThat(reminders.claimDue()).as("due today is not overdue yet").isEmpty();
        clock.set(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(ids(reminders.claimDue())).containsExactly(overdue);
        assertThat(reminders.claimDue()).as("another sweep, or another replica").isEmpty();
        clock.advance(Duration.ofDays(6));
        assertThat(reminders.claimDue()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(ids(reminders.claimDue())).containsExactly(overdue);

        storage.run(r -> r.trackers().changeState(overdue, FollowUpState.DONE, "U0SAM", clock.instant(), "slack"));
        clock.advance(Duration.ofDays(8));
        assertThat(reminders.claimDue()).as("done: no more reminders").isEmpty();
        java.util.Map<io.incidentbot.store.OutboxRepository.JobType, Long> queued = storage.read(r -> r.outbox().pendingByKind());
        assertThat(queued)
                .as("each claimed reminder is a DM job queued with its claim, once")
                .containsEntry(new io.incidentbot.store.OutboxRepository.JobType(FollowUpReminders.SUBSCRIBER, FollowUpReminders.KIND), 2L);
    }

    @Test
    void dueDatesAreReadInTheConfiguredZoneAndOffMeansNever() {
        long id = followUp("U0SAM", "2026-12-05");
        clock.set(Instant.parse("2026-12-05T23:30:00Z")); // already 6 December in Berlin
        assertThat(new FollowUpReminders(storage, clock, ZoneOffset.UTC, null).claimDue()).isEmpty();
        assertThat(ids(new FollowUpReminders(storage, clock, ZoneId.of("Europe/Berlin"), Duration.ofDays(7)).claimDue()))
                .containsExactly(id);
    }
}
