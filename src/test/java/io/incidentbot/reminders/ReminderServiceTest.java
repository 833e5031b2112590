package io.incidentbot.reminders;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.outbox.OutboxJob;
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

/** Reminders against a real SQLite file and a clock the test moves. */
class ReminderServiceTest {
    static final ReminderPolicy POLICY = new ReminderPolicy(Duration.ofMinutes(30), Duration.ofMinutes(10));

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    JdbiStorage storage;
    IncidentService incidents;
    io.incidentbot.incident.Transactions units;
    ReminderService reminders;

    @BeforeEach
    void open() {
        start(POLICY);
    }

    private void start(ReminderPolicy policy) {
        storage = Database.open(dir.resolve("incidents.db").toString());
        units = io.incidentbot.testkit.Units.slack(storage, clock, false);
        incidents = new IncidentService(units, change -> { },
                new ReminderSchedule(policy), java.time.Duration.ofHours(24));
        reminders = new ReminderService(units, policy);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** Declares with a channel linked, so the channel-addressed use cases find it. */
    private Incident declare(String title, String declaredBy) {
        Incident inc = incidents.declare(new Declaration(title, Severity.SEV2, null, false, declaredBy, null));
        storage.run(r -> r.incidents().setChannel(inc.number(), "C" + inc.number() + "CHAN", "inc-" + inc.number()));
        return storage.read(r -> r.incidents().find(inc.number())).orElseThrow();
    }

    @Test
    void anOpenIncidentWithoutUpdatesIsRemindedOnceAnIntervalNamingItsLead() {
        Incident inc = declare("Checkout errors", "UALICE001");

        clock.advance(Duration.ofMinutes(29));
        assertThat(reminders.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(reminders.sendDue()).as("never two at once").isZero();
        clock.advance(Duration.ofMinutes(29));
        assertThat(reminders.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.sendDue()).isEqualTo(1);

        assertThat(Jobs.reminders(dir.resolve("incidents.db"))).containsExactly(
                new ReminderNote.UpdateDue(inc.number(), "UALICE001", Duration.ofMinutes(30)),
                new ReminderNote.UpdateDue(inc.number(), "UALICE001", Duration.ofMinutes(60)));
    }

    @Test
    void aStatusUpdateStartsTheIntervalAgain() {
        Incident inc = declare("Checkout errors", "UALICE001");
        clock.advance(Duration.ofMinutes(20));
        incidents.statusUpdate(inc.channelId(), "rolling back", "UALICE001");

        clock.advance(Duration.ofMinutes(20));
        assertThat(reminders.sendDue()).as("40 min after declaring, 20 after the update").isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(reminders.sendDue()).isEqualTo(1);
        assertThat(Jobs.reminders(dir.resolve("incidents.db"))).containsExactly(
                new ReminderNote.UpdateDue(inc.number(), "UALICE001", Duration.ofMinutes(30)));
    }

    @Test
    void snoozePushesTheNextReminderThirtyMinutesFromNow() {
        Incident inc = declare("Checkout errors", "UALICE001");
        clock.advance(Duration.ofMinutes(30));
        assertThat(reminders.sendDue()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        reminders.snooze(inc.number());
        clock.advance(Duration.ofMinutes(29));
        assertThat(reminders.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
    }

    @Test
    void nothingFiresAfterResolveAndReopenStartsAgain() {
        Incident inc = declare("Checkout errors", "UALICE001");
        clock.advance(Duration.ofMinutes(10));
        incidents.resolve(inc.channelId(), "rolled back", "UALICE001");

        clock.advance(Duration.ofHours(5));
        assertThat(reminders.sendDue()).isZero();
        assertThat(Jobs.reminders(dir.resolve("incidents.db"))).isEmpty();

        incidents.setStatus(inc.channelId(), Status.INVESTIGATING, "UALICE001");
        clock.advance(Duration.ofMinutes(30));
        assertThat(reminders.sendDue()).isEqualTo(1);
    }

    @Test
    void aReminderQueuedBeforeTheResolveIsNotSentForTheResolvedIncident() {
        Incident inc = declare("Checkout errors", "UALICE001");
        storage.run(r -> r.reminders().schedule(inc.number(), ReminderKind.UPDATE, clock.instant()));
        incidents.resolve(inc.channelId(), "fixed", "UALICE001");
        // A due row left behind (e.g. written by an older replica) is dropped, not sent.
        storage.run(r -> r.reminders().schedule(inc.number(), ReminderKind.UPDATE, clock.instant()));

        assertThat(reminders.sendDue()).isZero();
        java.util.Optional<io.incidentbot.store.ReminderRepository.Due> left = storage.read(r -> r.reminders().pending(inc.number(), ReminderKind.UPDATE));
        assertThat(left).isEmpty();
    }

    @Test
    void anIncidentWithoutALeadGetsOneLeadReminderAndNoneOnceSomeoneLeads() {
        // Incidents declared from an alert start without a lead; the slash command makes the declarer lead.
        long disk = declareWithoutLead("Disk full", "CDISK0001");
        long queue = declareWithoutLead("Queue backlog", "CQUEUE001");
        incidents.assignRole("CQUEUE001", Role.LEAD, "UBOB00001", "UBOB00001");

        clock.advance(Duration.ofMinutes(9));
        assertThat(reminders.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(reminders.sendDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(reminders.sendDue()).as("one lead reminder only").isZero();

        assertThat(Jobs.reminders(dir.resolve("incidents.db")))
                .containsExactly(new ReminderNote.LeadMissing(disk, Duration.ofMinutes(10)));
        assertThat(queue).isNotEqualTo(disk);
    }

    /** Issue 21: with nobody in the channel the lead reminder is still due, marked to be sent elsewhere. */
    @Test
    void theLeadReminderOfAChannelWithNoHumanMemberIsMarkedForElsewhereAndTheUpdateReminderWaits() {
        long lonely = storage.transaction(r -> {
            Incident i = r.incidents().create("Disk full", Severity.SEV2, false, null, "UALERTBOT", clock.instant());
            r.incidents().setChannel(i.number(), "CLONELY01", "inc-" + i.number());
            new ReminderSchedule(POLICY).declared(r, i.number(), clock.instant());
            return i.number();
        });
        clock.advance(Duration.ofMinutes(10));
        assertThat(reminders.sendDue()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(20));
        assertThat(reminders.sendDue()).as("no update reminder into the empty channel").isZero();
        assertThat(Jobs.reminders(dir.resolve("incidents.db")))
                .containsExactly(new ReminderNote.LeadMissing(lonely, Duration.ofMinutes(10), true));
    }

    private long declareWithoutLead(String title, String channel) {
        ReminderSchedule schedule = new ReminderSchedule(POLICY);
        return storage.transaction(r -> {
            Incident i = r.incidents().create(title, Severity.SEV2, false, null, "UALERTBOT", clock.instant());
            r.incidents().setChannel(i.number(), channel, "inc-" + i.number());
            r.participants().add(i.number(), "UCAROL001", clock.instant()); // someone is there to remind
            schedule.declared(r, i.number(), clock.instant());
            return i.number();
        });
    }

    @Test
    void aRestartKeepsDueRemindersAndTwoReplicasSendOnce() {
        Incident inc = declare("Checkout errors", "UALICE001");
        storage.close();
        clock.advance(Duration.ofMinutes(31));
        start(POLICY);
        ReminderService replica = new ReminderService(io.incidentbot.testkit.Units.slack(storage, clock, false), POLICY);

        assertThat(reminders.sendDue() + replica.sendDue()).isEqualTo(1);
        assertThat(Jobs.reminders(dir.resolve("incidents.db"))).containsExactly(
                new ReminderNote.UpdateDue(inc.number(), "UALICE001", Duration.ofMinutes(31)));
    }

    @Test
    void offSendsNothing() {
        storage.close();
        start(ReminderPolicy.OFF);
        declare("Checkout errors", "UALICE001");
        clock.advance(Duration.ofDays(2));
        assertThat(reminders.sendDue()).isZero();
    }

    @Test
    void resolvingListsTheFollowUpsWithoutAnOwner() {
        Incident inc = declare("Checkout errors", "UALICE001");
        incidents.followUp(inc.channelId(), "add an alert", null, "UALICE001");
        incidents.followUp(inc.channelId(), "fix the deploy script", "UBOB00001", "UALICE001");
        incidents.resolve(inc.channelId(), "fixed", "UALICE001");

        // listed in the resolve's one message (issue 24), not in a reminder post of its own
        assertThat(Jobs.reminders(dir.resolve("incidents.db"))).isEmpty();
        assertThat(Jobs.atResolve(dir.resolve("incidents.db"))).containsExactly(
                new ReminderNote.UnownedFollowUps(inc.number(), List.of("add an alert")));
    }

    /** Reads the outbox's Slack payloads from the SQLite file, oldest first. */
    static final class Jobs {
        /** @return the notes of the REMIND payloads */
        static List<ReminderNote> reminders(Path db) {
            return payloads(db, "REMIND").stream().map(p -> ((SlackJob.Remind) p).note()).toList();
        }

        /** @return the reminder notes in the POST_ACTION payloads (one message per action) */
        static List<ReminderNote> atResolve(Path db) {
            return payloads(db, "POST_ACTION").stream().flatMap(p -> ((SlackJob.ActionPost) p).events().stream())
                    .filter(e -> e instanceof io.incidentbot.incident.IncidentEvent.ReminderDue)
                    .map(e -> ((io.incidentbot.incident.IncidentEvent.ReminderDue) e).note()).toList();
        }

        private static List<SlackJob> payloads(Path db, String kind) {
            List<SlackJob> out = new java.util.ArrayList<>();
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                 var st = c.prepareStatement("SELECT id, incident, payload FROM outbox WHERE kind = ? ORDER BY id")) {
                st.setString(1, kind);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(SlackJobs.read(new OutboxJob(rs.getLong("id"), rs.getLong("incident"),
                                SlackJobs.SUBSCRIBER, kind, rs.getString("payload"), 0, null, null)));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
    }
}
