package io.incidentbot.cli;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Status;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports {@code samples/export} (a standard Slack export; its README lists the counts used here) and
 * checks what a responder would look for in the draft and the database.
 */
class ImportCommandTest {
    static final Path SAMPLE = Path.of("samples/export");
    static final String CHANNEL = "inc-42-orders-db-failover";

    @TempDir
    Path dir;
    private Map<String, String> env;
    private CliRun run;

    @BeforeEach
    void importTheSample() {
        env = Map.of("INCIDENT_DB", dir.resolve("incidents.db").toString());
        run = CliRun.run(env, "import", SAMPLE.toString(), "--channel", CHANNEL);
    }

    private static String section(String draft, String heading) {
        int start = draft.indexOf("\n## " + heading + "\n");
        int end = draft.indexOf("\n## ", start + 1);
        return draft.substring(start, end < 0 ? draft.length() : end);
    }

    @Test
    void importsTheChannelAsAResolvedIncidentAndPrintsItsDraft() {
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("Imported #" + CHANNEL + " as incident 1: 56 messages, 5 participants.\n");
        assertThat(run.out()).startsWith("# Incident 1: Orders DB failover\n")
                .contains("| Severity | SEV1 |", "| Status | resolved |", "| Lead | priya |", "| Comms | Hana (EM) |",
                        "| Declared | 2026-03-14 22:41 by priya |",
                        "| Identified | 2026-03-14 23:20 (39 min after declared) |",
                        "| Mitigated | 2026-03-15 01:05 (2 h 24 min after declared) |",
                        "| Resolved | 2026-03-15 01:50 (3 h 9 min after declared) |",
                        "| Channel | #" + CHANNEL + " |");
    }

    @Test
    void theAppendixHasEveryHumanMessageAndNoBotOrSystemMessage() {
        String log = section(run.out(), "Appendix: full channel log");

        assertThat(log).contains("56 messages, thread replies indented");
        long lines = log.lines().filter(l -> l.matches(" *- (2026-03-1\\d )?\\d\\d:\\d\\d .*"))
                .filter(l -> !l.endsWith("_(deleted message)_")).count();
        assertThat(lines).as("message lines").isEqualTo(56);
        assertThat(log).doesNotContain("has joined the channel", "changed status", "set the channel topic",
                "Incident 42 declared", "This message was deleted.");
    }

    @Test
    void aThreadAcrossMidnightStaysUnderItsParent() {
        assertThat(run.out()).contains("""
                - 23:47 **Hana (EM)**: Drafting the 00:00 status page update here, please review in the thread :thread:
                  - 23:52 **priya**: LGTM, but say _some orders may be delayed_, not _lost_. We expect to recover all of them.
                  - 2026-03-15 00:03 **Hana (EM)**: Posted:""")
                .contains("""
                  - 2026-03-15 00:31 **diego-support**: Customers are quoting the status page back at us, which helps. Thanks!
                  - 2026-03-15 01:12 **Hana (EM)**: Status page moved to _Monitoring_.
                - 23:50 **Zoë**: Diff done""");
    }

    @Test
    void theBroadcastReplyIsInItsThread() {
        assertThat(run.out()).contains(
                "\n  - 22:56 **marcus.o**: that lines up with the terraform run in the infra changelog at 19:00\n"
                + "  - 23:21 **Zoë**: Policy fixed");
    }

    @Test
    void theEditShowsItsFinalTextAndTheDeletedParentOnlyAPlaceholder() {
        assertThat(run.out()).contains("- 22:57 **marcus.o**: payments-reconciler connects via "
                + "`orders-db-primary.service.consul`, so it writes to db-2. Everything that goes through pgbouncer "
                + "writes to db-1. _(edited)_\n")
                .contains("- 23:05 _(deleted message)_\n  - 23:06 **priya**: @marcus.o careful, that paste");
    }

    @Test
    void keyEventsFilesAndMarkupAreThere() {
        String keyEvents = section(run.out(), "Timeline of key events");
        assertThat(keyEvents).contains("- **(1)** 22:41 **priya**: Declared SEV1: Orders DB failover",
                "- **(2)** 22:50 **Hana (EM)**: Assigned comms: @Hana (EM)",
                "- **(3)** 23:14 **priya**: :pushpin: *Decision:* fence orders-db-1",
                "- **(4)** 23:18 **Zoë**: Root cause so far",
                "- **(5)** 23:20 **priya**: Status investigating → identified",
                "- **(6)** 00:41 **Zoë**: Replay complete", "- **(7)** 01:05 **priya**: Status identified → monitoring",
                "- **(8)** 01:50 **priya**: Status monitoring → resolved");
        assertThat(section(run.out(), "Appendix: full channel log").lines().filter(l -> l.contains("📌"))).hasSize(3);
        assertThat(run.out())
                .contains("📎 [pg-primary-disk.png](https://example.slack.com/files/U07DBA0002/F07PGDISK01/pg-primary-disk.png)")
                .contains("📎 [failover.log](https://example.slack.com/files/U07SRE0001/F07FAILLOG1/failover.log)")
                .contains("[orders-db dashboard](https://grafana.example.com/d/orders-db) (`https://grafana.example.com/d/orders-db`). @Zoë @marcus.o")
                .contains("I'll post a short summary in #general in the morning.")
                .contains("Your payment is safe & no action is needed");
    }

    @Test
    void participantsAndDateHeadings() {
        assertThat(section(run.out(), "Participants")).contains("""
                - Zoë — 19 messages
                - marcus.o — 13 messages
                - priya — 12 messages
                - Hana (EM) — 7 messages
                - diego-support — 5 messages
                """);
        assertThat(section(run.out(), "Timeline of key events")).contains("### 2026-03-14", "### 2026-03-15");
        assertThat(section(run.out(), "Appendix: full channel log")).contains("### 2026-03-14", "### 2026-03-15");
    }

    @Test
    void theDatabaseHoldsTheIncidentItsTimelineAndTheNames() {
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            Incident incident = storage.transaction(r -> r.incidents().find(1)).orElseThrow();
            assertThat(incident.status()).isEqualTo(Status.RESOLVED);
            assertThat(incident.channelId()).isEqualTo("C07INC0042");
            assertThat(incident.declaredBy()).isEqualTo("U07SRE0001");
            assertThat(incident.roles()).containsEntry(Role.LEAD, "U07SRE0001").containsEntry(Role.COMMS, "U07EM00004");
            assertThat(incident.resolvedAt()).isEqualTo(Instant.parse("2026-03-15T01:50:10.082628Z"));

            List<TimelineEntry> entries = storage.transaction(r -> r.timeline().list(1));
            List<TimelineEntry> messages = entries.stream().filter(e -> e.kind() == EntryKind.MESSAGE).toList();
            assertThat(messages.stream().filter(e -> !e.deleted())).hasSize(56);
            assertThat(messages.stream().filter(TimelineEntry::deleted)).hasSize(1);
            assertThat(messages.stream().filter(TimelineEntry::isThreadReply)).hasSize(14);
            assertThat(messages.stream().filter(TimelineEntry::keyEvent)).hasSize(3);
            List<Participant> participants = storage.transaction(r -> r.participants().list(1));
            assertThat(participants).hasSize(5);
            Map<String, String> names = storage.transaction(r -> r.userNames().all());
            assertThat(names).containsEntry("U07DBA0002", "Zoë")
                    .containsEntry("U07EM00004", "Hana (EM)");
        }
    }

    @Test
    void importingTheSameChannelAgainStoresNothingAndPrintsTheSameDraft() {
        CliRun again = CliRun.run(env, "import", SAMPLE.toString(), "--channel", CHANNEL);

        assertThat(again.status()).isZero();
        assertThat(again.out()).isEqualTo(run.out());
        assertThat(again.err()).isEqualTo("#" + CHANNEL + " (C07INC0042) was imported before, as incident 1; "
                + "nothing imported, printing its draft.\n");
        assertThat(ExportFixtures.incidents(env)).isEqualTo(1);
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            List<TimelineEntry> entries = storage.transaction(r -> r.timeline().list(1));
            assertThat(entries.stream().filter(e -> e.kind() == EntryKind.MESSAGE)).hasSize(57);
        }
    }
}
