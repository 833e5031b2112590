package io.incidentbot.cli;

import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiRepositories;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.EventLog;
import io.incidentbot.store.Repositories;
import io.incidentbot.testkit.TestPostgres;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate-db <sqlite file> <postgresql url>}: every table arrives, row for row. */
class MigrateDbTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private String pg;

    @BeforeEach
    void freshPostgres() {
        pg = TestPostgres.createDatabase();
    }

    @AfterEach
    void dropPostgres() {
        TestPostgres.drop(pg);
    }

    /** A SQLite database with rows in every table the bot has. */
    private Path populatedSqlite() {
        Path file = dir.resolve("incidents.db");
        try (JdbiStorage s = Database.open(file.toString())) {
            s.run(r -> {
                long one = r.incidents().create("Checkout down", Severity.SEV1, false, "payments 500s", "U1", T0).number();
                long two = r.incidents().create("Private one", Severity.SEV3, true, null, "U2", T0.plusSeconds(60)).number();
                r.incidents().setChannel(one, "C0001", "inc-1-checkout-down");
                r.incidents().setHeaderTs(one, "1772359200.000100");
                r.incidents().setStatus(one, Status.RESOLVED, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30));
                r.incidents().setResolutionSummary(one, "rolled back");
                r.incidents().setRole(one, Role.LEAD, "U1", T0);
                TimelineEntry msg = r.timeline().add(new TimelineEntry(0, one, EntryKind.MESSAGE, T0.plusSeconds(5),
                        "1772359205.000200", null, "U3", "it's \"down\" – ünïcode", null, false, false, List.of()));
                r.timeline().add(new TimelineEntry(0, one, EntryKind.MESSAGE, T0.plusSeconds(6), "1772359206.000300",
                        null, "U3", "oops", null, false, false, List.of()));
                r.timeline().markDeleted(msg.id() + 1);
                r.timeline().setKeyMark(msg.id(), "pin", true, T0.plusSeconds(7));
                long followUp = r.followUps().add(one, "add an alert", "U1", "U2", T0.plusSeconds(40)).id();
                r.trackers().plan(followUp, java.time.LocalDate.parse("2026-03-20"), 2);
                r.trackers().claimExport(followUp, "github", "U2", T0.plusSeconds(41));
                r.trackers().exported(followUp, "acme/ops#1", "https://github.com/acme/ops/issues/1", T0.plusSeconds(42));
                r.trackers().changeState(followUp, io.incidentbot.trackers.FollowUpState.DONE, "U2", T0.plusSeconds(44), "slack");
                r.trackers().firstDelivery("github", "5e5d4aa0-cc78-11e3-8f7e-000000000001", T0.plusSeconds(43));
                r.pages().triggered(one, io.incidentbot.pager.PagerKind.PAGERDUTY, "incident-bot-1", "U1", T0.plusSeconds(44));
                r.pages().acknowledged(one, io.incidentbot.pager.PagerKind.PAGERDUTY, "Ana", T0.plusSeconds(45));
                r.pages().firstDelivery("pagerduty", "01DEN4HPBQAAAG05V5QQYBRZMF", T0.plusSeconds(46));
                r.escalations().schedule(one, 1, 0, T0.plusSeconds(47));
                r.process().setType(one, "security");
                r.process().setField(one, "services", "api\nweb");
                r.checklists().addDue(new io.incidentbot.process.checklist.ChecklistEntry(one, 0, "Response", "Rotate the keys",
                        "all of them", "https://runbooks.example.com/rotate", Role.LEAD, true, T0.plusSeconds(8), null, null));
                r.checklists().mark(one, 0, "U2", T0.plusSeconds(9));
                r.checklists().setMessage(one, new io.incidentbot.store.ChecklistRepository.Message("C0001", "1772359210.000400"));
                io.incidentbot.statuspage.Component api = new io.incidentbot.statuspage.Component("cmp00000api1", "Core", "API", 0,
                        io.incidentbot.statuspage.ComponentState.OPERATIONAL, T0, T0);
                r.statusPage().addComponent(api);
                r.statusPage().setComponentState(api.id(), io.incidentbot.statuspage.ComponentState.MAJOR_OUTAGE, T0.plusSeconds(48));
                r.statusPage().addIncident(new io.incidentbot.statuspage.PublishedIncident("pub000000001", one, "Checkout errors",
                        io.incidentbot.statuspage.PublicStatus.INVESTIGATING, io.incidentbot.statuspage.Indicator.CRITICAL,
                        java.util.Map.of(api.id(), io.incidentbot.statuspage.ComponentState.MAJOR_OUTAGE), T0, T0, null, null));
                r.statusPage().addUpdate(new io.incidentbot.statuspage.PublicUpdate("upd000000001", "pub000000001",
                        io.incidentbot.statuspage.PublicStatus.INVESTIGATING, "We are looking into it", T0.plusSeconds(49)));
                r.statusPage().setRemoteId("pub000000001", "statuspage", "p31zjtct2jer");
                r.statusPage().addMaintenance(new io.incidentbot.statuspage.Maintenance("mnt000000001", "DB upgrade", "Writes pause",
                        T0.plusSeconds(3600), T0.plusSeconds(4200), List.of(api.id()), T0, "U1"));
                r.participants().add(one, "U3", T0.plusSeconds(5));
                r.participants().add(two, "U2", T0.plusSeconds(60));
                r.events().markProcessed("Ev001", T0);
                r.events().addPending(new EventLog.PendingChange("C0001", "1772359209.000000", "delete", null, T0));
                long done = r.outbox().enqueue(one, "slack", "CREATE_CHANNEL", "{\"a\":1}", T0);
                r.outbox().markDone(done, T0.plusSeconds(1));
                r.outbox().enqueue(two, "slack", "POST_CHANNEL", "{\"b\":2}", T0);
                r.userNames().put("U1", "Ada", T0);
                r.leases().acquire("backfill", "old-replica", T0, T0.plusSeconds(30));
                r.postmortems().saveFiles(one, "F0DRAFT", "F0CHART", T0.plusSeconds(50));
                r.requestSignatures().remember("v0=0123abcd", T0.plusSeconds(51));
                r.outbox().rememberSent(one, "topic", "SEV1 | resolved | lead: Ada");
                r.reminders().schedule(two, io.incidentbot.reminders.ReminderKind.values()[0], T0.plusSeconds(90));
                r.homeViews().opened("U1", T0.plusSeconds(52));
                long group = r.alerts().group(io.incidentbot.alerts.AlertSource.ALERTMANAGER, "{}:{alertname=\"DiskFull\"}",
                        "Disk full", T0);
                io.incidentbot.alerts.Alert disk = new io.incidentbot.alerts.Alert("1a30ba71cca2921f", "DiskFull",
                        io.incidentbot.alerts.AlertStatus.FIRING, java.util.Map.of("severity", "critical"), java.util.Map.of(),
                        T0, null, "http://prometheus.example.org/graph", null, null, null);
                r.alerts().addTransition(group, new io.incidentbot.alerts.Transition(disk,
                        io.incidentbot.alerts.AlertStatus.FIRING, T0), null, T0);
                r.alerts().linkIncident(group, one);
                r.changes().add(new io.incidentbot.changes.Change("changes", "sha256:0123", "Raise pool to 50", "checkout",
                        "production", "ana", "https://git.example.com/infra/pull/88", io.incidentbot.changes.ChangeKind.CONFIG,
                        T0.minusSeconds(3600)), T0);
                r.changes().firstDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958", T0);
            });
        }
        return file;
    }

    /** @return every table's rows as text (booleans as 0/1), sorted, by table name */
    private static Map<String, List<String>> dump(JdbiStorage s, List<String> tables) {
        Map<String, List<String>> all = new TreeMap<>();
        for (String t : tables) {
            all.put(t, s.read(r -> ((JdbiRepositories) r).h().createQuery("SELECT * FROM " + t).mapToMap().list())
                    .stream().map(row -> {
                        Map<String, String> text = new TreeMap<>();
                        row.forEach((k, v) -> text.put(k.toLowerCase(), v instanceof Boolean b ? (b ? "1" : "0")
                                : v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v)));
                        return text.toString();
                    }).sorted().toList());
        }
        return all;
    }

    private static List<String> sqliteTables(JdbiStorage s) {
        return s.read(r -> ((JdbiRepositories) r).h().createQuery("""
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'flyway_%' ORDER BY name""").mapTo(String.class).list());
    }

    /**
     * Also issue 24: a copy statement slower than a request's limit (the default {@code INCIDENT_DB_TIMEOUT} of
     * 2 s: statement_timeout 1.8 s) is not cut, migrate-db's statements have the background limit
     * ({@code INCIDENT_DB_BACKGROUND_TIMEOUT}): here clearing a table on the target takes 2.2 s.
     */
    @Test
    void everyTableOfASqliteDatabaseArrivesInPostgresRowForRowAndNumberingContinues() {
        Path sqlite = populatedSqlite();
        try (JdbiStorage to = Database.open(pg)) {
            to.run(r -> ((JdbiRepositories) r).h().execute("""
                    CREATE FUNCTION slow_delete() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN PERFORM pg_sleep(2.2); RETURN NULL; END $$;
                    CREATE TRIGGER slow_delete BEFORE DELETE ON processed_event FOR EACH STATEMENT EXECUTE FUNCTION slow_delete();
                    """));
        }

        CliRun run = CliRun.run(Map.of(), "migrate-db", sqlite.toString(), pg);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("migrate-db: incident: 2 rows").contains("migrate-db: copied")
                .doesNotContain("incident-bot-test");
        try (JdbiStorage from = Database.open(sqlite.toString()); JdbiStorage to = Database.open(pg)) {
            List<String> tables = sqliteTables(from);
            assertThat(tables).contains("incident", "timeline_entry", "key_mark", "outbox", "lease", "counter");
            Map<String, List<String>> source = dump(from, tables);
            assertThat(source.values()).as("the fixture fills every table").allSatisfy(rows -> assertThat(rows).isNotEmpty());
            assertThat(dump(to, tables)).isEqualTo(source);

            long next = to.transaction(r -> r.incidents().create("after the move", Severity.SEV2, false, null, "U1",
                    T0.plusSeconds(100)).number());
            assertThat(next).isEqualTo(3);
            long entry = to.transaction((Repositories r) -> r.timeline().add(new TimelineEntry(0, next, EntryKind.DECLARED,
                    T0.plusSeconds(100), null, null, "U1", "declared", null, false, false, List.of())).id());
            assertThat(entry).as("identities continue after the copied ids").isEqualTo(3);
        }
    }

    @Test
    void aTargetThatAlreadyHoldsIncidentsIsRefusedAndLeftAlone() {
        Path sqlite = populatedSqlite();
        try (JdbiStorage to = Database.open(pg)) {
            to.run(r -> r.incidents().create("already here", Severity.SEV2, false, null, "U1", T0));
        }
        CliRun run = CliRun.run(Map.of(), "migrate-db", sqlite.toString(), pg);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("not empty");
        try (JdbiStorage to = Database.open(pg)) {
            assertThat(to.read((Repositories r) -> r.incidents().listAll())).extracting(i -> i.title()).containsExactly("already here");
        }
    }

    @Test
    void aMissingSourceOrAWrongArgumentCountIsOneLineAndExit2() {
        assertThat(CliRun.run(Map.of(), "migrate-db", dir.resolve("nope.db").toString(), pg).err())
                .startsWith("migrate-db: there is no SQLite database at");
        assertThat(CliRun.run(Map.of(), "migrate-db", "only-one").status()).isEqualTo(2);
    }
}
