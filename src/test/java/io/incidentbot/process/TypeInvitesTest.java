package io.incidentbot.process;

import io.incidentbot.incident.Declaration;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.reminders.ReminderPolicy;
import io.incidentbot.reminders.ReminderSchedule;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code default} type's invites for incidents declared without a type (issue 25): by text, by an alert (a declare
 * with the lead left open), while a typed declare gets its own type's invites only. A real SQLite file; the events
 * recorded are what the Slack adapter turns into {@code conversations.invite}.
 */
class TypeInvitesTest {
    private static final String FILE = """
            types:
              - name: default
                invite: {users: [U0ONCALL1], usergroups: [S0SRETEAM]}
              - name: security
                invite: {users: [U0SECLEAD1]}
            """;

    @TempDir
    Path dir;
    JdbiStorage storage;
    final List<IncidentEvent.Invited> invited = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void incidentsDeclaredWithoutATypeInviteTheDefaultTypesPeopleATypedDeclareOnlyItsOwn() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        Process process = ProcessFile.parse("process.yaml", FILE);
        Transactions units = new Transactions(storage, List.of((w, e) -> {
            if (e instanceof IncidentEvent.Invited i) {
                invited.add(i);
            }
        }, new TypeInvites(process)), new TestClock(Instant.parse("2026-03-01T10:00:00Z")));
        ReminderPolicy reminders = ReminderPolicy.OFF;
        IncidentService incidents = new IncidentService(units, change -> { }, new ReminderSchedule(reminders),
                Duration.ofHours(24));

        Incident byText = incidents.declare(new Declaration("Checkout errors", Severity.SEV3, null, false, "UALICE001", null));
        Incident byAlert = units.run(w -> incidents.declareWithin(w,
                new Declaration("HighErrorRate", Severity.SEV2, null, false, "UBOT00001", null), false));
        Incident typed = new ProcessService(process, storage, units, incidents).declare(
                new Declaration("Leaked key", Severity.SEV2, null, false, "UALICE001", null), process.type("security").orElseThrow(), Map.of());

        assertThat(invited).extracting(i -> i.incident() + " " + i.users() + " " + i.usergroups()).containsExactly(
                byText.number() + " [U0ONCALL1] [S0SRETEAM]",
                byAlert.number() + " [U0ONCALL1] [S0SRETEAM]",
                typed.number() + " [U0SECLEAD1] []");
    }
}
