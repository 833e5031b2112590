package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.timeline.TimelineEntry.SharedFile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A fixed incident for the golden-file test: SEV2 raised to SEV1, declared 2026-03-14 22:58 UTC and
 * resolved 01:12 the next day, with threads (one crossing midnight, one under a deleted message, one
 * replying to a message from before the incident), an edit, deletions, key events, a file, a code block, roles,
 * follow-ups with and without an owner, Slack markup, and a user whose name is unknown (U04DAN).
 */
final class SampleIncident {
    static final String ALICE = "U01ALICE";
    static final String BOB = "U02BOB";
    static final String CAROL = "U03CAROL";
    static final String DAN = "U04DAN";
    static final String ERIN = "U05ERIN";
    static final long NUMBER = 42;

    static final Map<String, String> NAMES = Map.of(
            ALICE, "Alice Chen", BOB, "Bob Li | EU on-call", CAROL, "Carol Díaz", ERIN, "Erin");

    private final List<TimelineEntry> entries = new ArrayList<>();

    static Instant utc(String dateTime) {
        return Instant.parse(dateTime + "Z");
    }

    /** @return the Slack ts of a message posted at {@code dateTime} (UTC, {@code 2026-03-14T22:59:05}) */
    static String ts(String dateTime) {
        return SlackTs.fromInstant(utc(dateTime).plusNanos(100_000));
    }

    static Incident incident() {
        return new Incident(NUMBER, "Orders DB failover", Severity.SEV1, Status.RESOLVED, false,
                "Checkout is failing for about 30% of orders: the primary orders database stopped accepting writes.",
                "C042", "inc-42-orders-db-failover", "1773529090.000100", ALICE, utc("2026-03-14T22:58:10"),
                utc("2026-03-14T23:10:00"), utc("2026-03-14T23:44:30"), utc("2026-03-15T01:12:45"),
                "Failed over to `orders-db-2`, fixed the WAL archiver and cleaned up the disk on `orders-db-1`.",
                Map.of(Role.LEAD, ALICE, Role.COMMS, BOB));
    }

    static List<FollowUp> followUps() {
        return List.of(
                new FollowUp(1, NUMBER, "Alert when WAL archiving stops or a DB disk passes 80%", CAROL, ALICE,
                        utc("2026-03-15T00:20:00")),
                new FollowUp(2, NUMBER, "Write a runbook for a full disk on orders-db | include failover steps",
                        null, BOB, utc("2026-03-15T00:21:00")));
    }

    static List<Participant> participants() {
        return List.of(new Participant(NUMBER, ALICE, utc("2026-03-14T22:58:10")),
                new Participant(NUMBER, BOB, utc("2026-03-14T23:00:00")),
                new Participant(NUMBER, CAROL, utc("2026-03-14T23:03:00")),
                new Participant(NUMBER, DAN, utc("2026-03-14T23:05:00")),
                new Participant(NUMBER, ERIN, utc("2026-03-14T23:30:00")));
    }

    static PostmortemInput input(ZoneId zone) {
        List<TimelineEntry> all = timeline();
        return PostmortemInput.builder(incident(), all::forEach, zone).followUps(followUps())
                .participants(participants()).displayNames(NAMES).build();
    }

    /** @return the entries in timeline order, IDs 1.. in that order */
    static List<TimelineEntry> timeline() {
        SampleIncident s = new SampleIncident();
        s.command("2026-03-14T22:58:10", EntryKind.DECLARED, ALICE, "Declared SEV2: Orders DB failover\n"
                + "Checkout is failing for about 30% of orders: the primary orders database stopped accepting writes.");
        s.message("2026-03-14T22:59:05", null, ALICE, "Paging <!here>: checkout errors are spiking, see "
                + "<https://grafana.example.com/d/orders?from=now-1h&amp;to=now|orders dashboard>", false, null);
        s.command("2026-03-14T23:01:00", EntryKind.ROLE_CHANGE, ALICE, "comms: <@U02BOB>");
        s.message("2026-03-14T23:02:30", null, BOB,
                "Primary `orders-db-1` is read-only. Replica lag on `orders-db-2` is 40 s.", true, null);
        s.message("2026-03-14T23:04:00", "2026-03-14T23:02:30", CAROL,
                "Disk on orders-db-1 is 100% full: WAL archiving stopped at 22:41 &amp; never resumed", false, null);
        s.message("2026-03-14T23:05:10", "2026-03-14T23:02:30", ALICE,
                "<@U03CAROL|carol> can you free space? Don't fail over yet.", false, null);
        s.message("2026-03-14T23:06:00", null, DAN,
                "I restarted the archiver, it's &lt;still&gt; failing with `ERR_NO_SPACE`", false, null);
        s.deleted("2026-03-14T23:07:00", null, DAN, "wrong channel, sorry");
        s.command("2026-03-14T23:10:00", EntryKind.STATUS_CHANGE, ALICE, "Status investigating → identified");
        s.file("2026-03-14T23:12:00", CAROL, "Disk usage over the last 6 hours:",
                new SharedFile("disk-usage.png", "https://example.slack.com/files/U03CAROL/F0001/disk-usage.png"));
        s.message("2026-03-14T23:13:30", null, CAROL, "Trying to free space first:\n```sudo du -sh /var/lib/pg/*\n"
                + "# biggest first\nsudo rm /var/log/pg/*.gz```\nonly 6 GB back, not enough.", false, null);
        s.command("2026-03-14T23:15:00", EntryKind.NOTE, BOB,
                "Failing over to orders-db-2 instead of freeing disk: faster &amp; safer");
        s.command("2026-03-14T23:20:00", EntryKind.SEVERITY_CHANGE, ALICE, "Severity SEV2 → SEV1");
        s.command("2026-03-14T23:25:00", EntryKind.STATUS_UPDATE, BOB,
                "Checkout degraded; failing over the orders DB. Next update at 00:00 UTC.");
        s.edited("2026-03-14T23:40:00", ALICE, "Failover done, orders-db-2 is primary. Writes are OK.",
                "2026-03-14T23:42:00");
        s.command("2026-03-14T23:44:30", EntryKind.STATUS_CHANGE, ALICE, "Status identified → monitoring");
        s.message("2026-03-14T23:50:00", null, BOB, "Watching error rates, next check at midnight.", false, null);
        s.deleted("2026-03-14T23:55:00", null, DAN, "are the backups ok?");
        s.message("2026-03-14T23:57:00", "2026-03-14T23:55:00", BOB,
                "Yes, last night's backup verified fine.", false, null);
        s.message("2026-03-15T00:05:00", "2026-03-14T23:50:00", CAROL,
                "Error rate back to baseline (0.2%).", true, null);
        s.message("2026-03-15T00:10:00", "2026-03-14T21:30:00", ALICE,
                "From the deploy thread earlier: the 22:35 deploy was unrelated.", false, null);
        s.command("2026-03-15T00:20:00", EntryKind.FOLLOW_UP, ALICE,
                "Alert when WAL archiving stops or a DB disk passes 80% (owner <@U03CAROL>)");
        s.command("2026-03-15T00:21:00", EntryKind.FOLLOW_UP, BOB,
                "Write a runbook for a full disk on orders-db | include failover steps");
        s.message("2026-03-15T00:30:00", null, CAROL, "Notes for the postmortem:\n"
                + "1. archiver stuck on a corrupt segment\n2. no alert on disk > 90%\n\n| not | a table |", false, null);
        s.command("2026-03-15T01:12:45", EntryKind.RESOLVED, ALICE, "Resolved: Failed over to `orders-db-2`, fixed "
                + "the WAL archiver and cleaned up the disk on `orders-db-1`.");
        s.message("2026-03-15T01:15:00", null, ERIN, "Draft notes in <#C0NOTES|incident-notes> and "
                + "<https://wiki.example.com/orders-db>, ping <!subteam^S0DBA|@dba-team>", false, null);
        s.entries.sort(Comparator.comparing(TimelineEntry::at));
        List<TimelineEntry> numbered = new ArrayList<>();
        for (TimelineEntry e : s.entries) {
            numbered.add(new TimelineEntry(numbered.size() + 1, e.incident(), e.kind(), e.at(), e.ts(), e.threadTs(),
                    e.userId(), e.text(), e.editedAt(), e.deleted(), e.keyEvent(), e.files()));
        }
        return numbered;
    }

    /**
     * Stores the sample incident as incident 42: 41 placeholder incidents are declared first, as
     * numbers are never reused.
     */
    static void store(Repositories r) {
        Incident i = incident();
        for (int n = 1; n < NUMBER; n++) {
            r.incidents().create("Placeholder " + n, Severity.SEV4, false, null, ALICE, i.declaredAt().minusSeconds(60));
        }
        long n = r.incidents().create(i.title(), Severity.SEV2, false, i.summary(), ALICE, i.declaredAt()).number();
        if (n != NUMBER) {
            throw new IllegalStateException("the sample needs a fresh database, got number " + n);
        }
        r.incidents().setChannel(n, i.channelId(), i.channelName());
        r.incidents().setSeverity(n, i.severity());
        r.incidents().setStatus(n, i.status(), i.identifiedAt(), i.mitigatedAt(), i.resolvedAt());
        r.incidents().setResolutionSummary(n, i.resolutionSummary());
        i.roles().forEach((role, user) -> r.incidents().setRole(n, role, user, i.declaredAt()));
        participants().forEach(p -> r.participants().add(n, p.userId(), p.joinedAt()));
        followUps().forEach(f -> r.followUps().add(n, f.text(), f.ownerId(), f.createdBy(), f.createdAt()));
        timeline().forEach(r.timeline()::add);
    }

    private void command(String at, EntryKind kind, String user, String text) {
        entries.add(new TimelineEntry(0, NUMBER, kind, utc(at), null, null, user, text, null, false, false, List.of()));
    }

    private void message(String at, String threadAt, String user, String text, boolean key, SharedFile file) {
        String ts = ts(at);
        entries.add(new TimelineEntry(0, NUMBER, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts,
                threadAt == null ? null : ts(threadAt), user, text, null, false, key,
                file == null ? List.of() : List.of(file)));
    }

    private void file(String at, String user, String text, SharedFile file) {
        message(at, null, user, text, false, file);
    }

    private void deleted(String at, String threadAt, String user, String text) {
        String ts = ts(at);
        entries.add(new TimelineEntry(0, NUMBER, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts,
                threadAt == null ? null : ts(threadAt), user, text, null, true, false, List.of()));
    }

    private void edited(String at, String user, String text, String editedAt) {
        String ts = ts(at);
        entries.add(new TimelineEntry(0, NUMBER, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts, null, user, text,
                utc(editedAt), false, true, List.of()));
    }
}
