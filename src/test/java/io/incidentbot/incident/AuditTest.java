package io.incidentbot.incident;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.incident.IncidentAudit.Change;
import io.incidentbot.incident.IncidentAudit.What;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Every state change gives exactly one audit record, after its commit; refused changes give none. */
class AuditTest {
    private static final String ALICE = "UALICE001";
    private static final String BOB = "UBOB00001";
    private static final String CHANNEL = "CINC00001";

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private IncidentService incidents;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        incidents = new IncidentService(io.incidentbot.testkit.Units.slack(storage,
                new TestClock(Instant.parse("2026-11-27T10:00:00Z")), true), changes::add, new io.incidentbot.reminders.ReminderSchedule(io.incidentbot.reminders.ReminderPolicy.OFF),
                java.time.Duration.ofHours(24));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void declaredStatusSeverityRoleResolvedAndReopenedEachGiveOneRecord() {
        Incident inc = incidents.declare(new Declaration("Checkout down", Severity.SEV2, null, false, ALICE, null));
        new Deliveries(storage).linkChannel(inc.number(), CHANNEL, "inc-1-checkout-down");
        incidents.setStatus(CHANNEL, Status.IDENTIFIED, BOB);
        incidents.setSeverity(CHANNEL, Severity.SEV1, BOB);
        incidents.assignRole(CHANNEL, Role.LEAD, BOB, ALICE);
        incidents.assignRole(CHANNEL, Role.COMMS, ALICE, BOB);
        incidents.note(CHANNEL, "not a state change", BOB);
        assertThatThrownBy(() -> incidents.setSeverity(CHANNEL, Severity.SEV1, BOB)).isInstanceOf(IncidentException.class);
        incidents.resolve(CHANNEL, "fixed", ALICE);
        incidents.setStatus(CHANNEL, Status.MONITORING, BOB);

        assertThat(changes).extracting(Change::incident, Change::what, Change::field, Change::from, Change::to,
                Change::actor).containsExactly(
                tuple(1L, What.DECLARED, null, "none", "SEV2", ALICE),
                tuple(1L, What.STATUS, null, "investigating", "identified", BOB),
                tuple(1L, What.SEVERITY, null, "SEV2", "SEV1", BOB),
                tuple(1L, What.ROLE, "lead", ALICE, BOB, ALICE),
                tuple(1L, What.ROLE, "comms", "none", ALICE, BOB),
                tuple(1L, What.RESOLVED, null, "identified", "resolved", ALICE),
                tuple(1L, What.REOPENED, null, "resolved", "monitoring", BOB));
    }

    @Test
    void theAuditLogNamesNumberActorAndChangeButNeverAPrivateTitle() {
        Logger audit = (Logger) LoggerFactory.getLogger("io.incidentbot.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            IncidentService logged = new IncidentService(io.incidentbot.testkit.Units.slack(storage,
                    new TestClock(Instant.parse("2026-11-27T10:00:00Z")), true),
                    new io.incidentbot.ops.AuditTrail(new io.incidentbot.ops.Metrics(), () -> null),
                    new io.incidentbot.reminders.ReminderSchedule(io.incidentbot.reminders.ReminderPolicy.OFF),
                    java.time.Duration.ofHours(24));
            Incident inc = logged.declare(new Declaration("Payroll leak at ACME", Severity.SEV1, "secret", true, ALICE, null));
            new Deliveries(storage).linkChannel(inc.number(), CHANNEL, "inc-1");
            logged.setStatus(CHANNEL, Status.IDENTIFIED, BOB);
        } finally {
            audit.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "incident 1 declared SEV1 by UALICE001 (private)",
                "incident 1 status investigating -> identified by UBOB00001 (private)");
        assertThat(lines.list).allMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.INFO
                && "1".equals(e.getMDCPropertyMap().get("incident")));
    }
}
