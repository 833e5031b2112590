package io.incidentbot.process;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.reminders.ReminderKind;
import io.incidentbot.reminders.ReminderPolicies;
import io.incidentbot.reminders.ReminderPolicy;
import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.reminders.ReminderService;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.ReminderRepository.Due;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminder intervals per incident type (issue 25) with docs/process.example.yaml, whose {@code security} type sets
 * {@code reminders: {update: 15m, lead: 5m}}: a real SQLite file and a clock the test moves.
 */
class TypeRemindersTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ReminderPolicy CONFIGURED = new ReminderPolicy(Duration.ofMinutes(30), Duration.ofMinutes(10), 6);

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T0);
    JdbiStorage storage;
    IncidentService incidents;
    ReminderService reminders;
    ProcessService process;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        io.incidentbot.incident.Transactions units = io.incidentbot.testkit.Units.slack(storage, clock, false);
        Path file = Path.of("docs/process.example.yaml");
        ProcessSettings settings = new ProcessSettings(file, ProcessFile.read(file));
        ReminderPolicies policies = TypeReminders.of(settings, CONFIGURED);
        incidents = new IncidentService(units, change -> { }, new ReminderSchedule(CONFIGURED, policies), Duration.ofHours(24));
        reminders = new ReminderService(units, policies, () -> { });
        process = new ProcessService(settings.process(), storage, units, incidents);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private List<Due> due() {
        return storage.read(r -> r.reminders().due(T0.plus(Duration.ofDays(1)), 10));
    }

    @Test
    void aSecurityIncidentIsRemindedAtItsTypesIntervalOthersAtTheConfiguredOne() {
        Incident security = process.declare(new Declaration("Leaked API key", Severity.SEV2, null, false, "UALICE001", null),
                process.process().type("security").orElseThrow(), Map.of());
        Incident standard = incidents.declare(new Declaration("Checkout errors", Severity.SEV3, null, false, "UALICE001", null));
        assertThat(due()).containsExactlyInAnyOrder(
                new Due(security.number(), ReminderKind.UPDATE, T0.plus(Duration.ofMinutes(15))),
                new Due(standard.number(), ReminderKind.UPDATE, T0.plus(Duration.ofMinutes(30))));

        clock.advance(Duration.ofMinutes(15));
        assertThat(reminders.sendDue()).as("only the security incident is due").isEqualTo(1);
        assertThat(due()).contains(new Due(security.number(), ReminderKind.UPDATE, T0.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aTypesIntervalsKeepTheConfiguredMaximumAndATypeWithoutKeepsTheConfiguredIntervals() {
        IncidentType quiet = new IncidentType("quiet", null, null, List.of(), List.of(), null,
                new TypeReminders.Intervals(TypeReminders.Intervals.OFF, Duration.ofMinutes(5)), List.of(), List.of(), null);
        assertThat(TypeReminders.of(quiet, CONFIGURED)).isEqualTo(new ReminderPolicy(null, Duration.ofMinutes(5), 6));
        assertThat(TypeReminders.of(process.process().defaultType(), CONFIGURED)).as("no override").isSameAs(CONFIGURED);
    }

    @Test
    void aKeyATypeLeavesUnsetIsTheConfiguredIntervalNotTheBuiltInOne() {
        IncidentType leadOff = ProcessFile.parse("p.yaml", "types:\n  - name: default\n    reminders: {lead: off}\n").defaultType();
        ReminderPolicy tuned = new ReminderPolicy(Duration.ofMinutes(45), Duration.ofMinutes(20), 3);
        assertThat(TypeReminders.of(leadOff, tuned)).as("INCIDENT_REMIND_UPDATE=45m, not the built-in 30m")
                .isEqualTo(new ReminderPolicy(Duration.ofMinutes(45), null, 3));
    }
}
