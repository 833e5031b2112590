package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.incidentbot.postmortem.SampleIncident.ALICE;
import static io.incidentbot.postmortem.SampleIncident.BOB;
import static io.incidentbot.postmortem.SampleIncident.utc;
import static org.assertj.core.api.Assertions.assertThat;

class PostmortemRendererTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    static String render(PostmortemInput input) throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(input, out);
        return out.toString();
    }

    @Test
    void theSampleIncidentIsDraftedAsInTheGoldenFile() throws IOException {
        Golden.assertMatches(render(SampleIncident.input(UTC)), "postmortem/incident-42-utc.md");
    }

    @Test
    void inLosAngelesTheSampleIncidentFallsOnOneDaySoItHasNoDateHeadings() throws IOException {
        String draft = render(SampleIncident.input(ZoneId.of("America/Los_Angeles")));

        assertThat(draft).contains("Times are in America/Los_Angeles.")
                .contains("| Declared | 2026-03-14 15:58 by Alice Chen |")
                .contains("| Resolved | 2026-03-14 18:12 (2 h 14 min after declared) |")
                .contains("- **(1)** 15:58 **Alice Chen**: Declared SEV2: Orders DB failover")
                .contains("  - 17:05 📌 **Carol Díaz**: Error rate back to baseline (0.2%).")
                .doesNotContain("### 2026-");
        assertThat(draft).contains("the first message of this thread, 14:30, is not in this log");
    }

    @Test
    void anIncidentAroundMidnightInLosAngelesGetsDateHeadingsThereButNotInUtc() throws IOException {
        Instant declared = utc("2026-07-01T06:30:00");
        Incident incident = incident(declared, utc("2026-07-01T08:00:00"));
        List<TimelineEntry> entries = List.of(
                message(1, "2026-07-01T06:35:00", ALICE, "first"),
                message(2, "2026-07-01T07:10:00", BOB, "second"));

        String inUtc = render(input(incident, entries, UTC));
        String inLosAngeles = render(input(incident, entries, ZoneId.of("America/Los_Angeles")));

        assertThat(inUtc).doesNotContain("### 2026-").contains("- 06:35 **Alice Chen**: first");
        assertThat(inLosAngeles)
                .contains("| Declared | 2026-06-30 23:30 by Alice Chen |")
                .contains("### 2026-06-30\n\n- 23:35 **Alice Chen**: first\n\n### 2026-07-01\n\n- 00:10 **Bob**: second");
    }

    @Test
    void aSingleDayIncidentHasNoDateHeadings() throws IOException {
        Incident incident = incident(utc("2026-05-02T09:00:00"), utc("2026-05-02T10:30:00"));
        List<TimelineEntry> entries = List.of(
                command(1, "2026-05-02T09:00:00", EntryKind.DECLARED, "Declared SEV3: Login slow"),
                message(2, "2026-05-02T09:05:00", BOB, "looking"),
                command(3, "2026-05-02T10:30:00", EntryKind.RESOLVED, "Resolved"));

        String draft = render(input(incident, entries, UTC));

        assertThat(draft).doesNotContain("### ")
                .contains("- **(1)** 09:00 **Alice Chen**: Declared SEV3: Login slow\n- **(2)** 10:30 **Alice Chen**: Resolved\n")
                .contains("- 09:05 **Bob**: looking\n")
                .contains("| Time to resolve | 1 h 30 min |");
    }

    @Test
    void anIncidentWithNoEntriesStillHasEverySectionInOrder() throws IOException {
        Incident incident = incident(utc("2026-05-02T09:00:00"), null);

        String draft = render(PostmortemInput.builder(incident, sink -> { }, UTC).build());

        assertThat(draft.lines().filter(l -> l.startsWith("#"))).containsExactly(
                "# Incident 7: Login slow", "## Summary", "## Impact", "## Response metrics", "## Timeline of key events",
                "## Root cause and contributing factors", "## What went well", "## What went wrong",
                "## Where we got lucky", "## Follow-ups", "## Participants", "## Appendix: full channel log");
        assertThat(draft).contains(Prompts.SUMMARY).contains(Prompts.NO_KEY_EVENTS).contains(Prompts.NO_FOLLOW_UPS)
                .contains("_No messages were recorded in the incident channel._")
                .contains("| Channel | — |");
    }

    @Test
    void anUnresolvedIncidentSaysWhatHasNotHappenedYet() throws IOException {
        Incident open = new Incident(7, "Login slow", Severity.SEV2, Status.IDENTIFIED, false, null, "C7",
                "inc-7-login-slow", null, ALICE, utc("2026-05-02T09:00:00"), utc("2026-05-02T09:20:00"), null, null,
                null, Map.of(Role.LEAD, BOB));

        String draft = render(input(open, List.of(message(1, "2026-05-03T01:00:00", BOB, "still slow")), UTC));

        assertThat(draft).contains("| Status | identified |", "| Lead | Bob |",
                "| Identified | 2026-05-02 09:20 (20 min after declared) |", "| Mitigated | not yet |",
                "| Resolved | not yet |", "| Time to resolve | not yet |")
                .contains("### 2026-05-03\n\n- 01:00 **Bob**: still slow");
    }

    @Test
    void userTextCannotBreakTheSummaryTableOrTheTitle() throws IOException {
        Incident incident = new Incident(7, "DB | cache\ndown", Severity.SEV2, Status.INVESTIGATING, true, null, "C7",
                "inc-7-db", null, ALICE, utc("2026-05-02T09:00:00"), null, null, null, null,
                Map.of(Role.LEAD, "U9"));

        String draft = render(PostmortemInput.builder(incident, sink -> { }, UTC)
                .displayNames(Map.of(ALICE, "Alice Chen", "U9", "Ops | night\nshift")).build());

        assertThat(draft).startsWith("# Incident 7: DB | cache down\n")
                .contains("| Lead | Ops \\| night shift |\n")
                .contains("| Channel | #inc-7-db (private) |");
    }

    @Test
    void followUpsShowTheirOwnerOrSayThereIsNone() throws IOException {
        Incident incident = incident(utc("2026-05-02T09:00:00"), null);
        List<FollowUp> followUps = List.of(
                new FollowUp(1, 7, "Add an alert\non p99 latency", BOB, ALICE, utc("2026-05-02T09:10:00")),
                new FollowUp(2, 7, "Check <@U77> runbook", null, ALICE, utc("2026-05-02T09:11:00")));

        String draft = render(PostmortemInput.builder(incident, sink -> { }, UTC).followUps(followUps)
                .displayNames(names()).build());

        assertThat(draft).contains("- [ ] Add an alert\n  on p99 latency (Bob)\n- [ ] Check <@U77> runbook (no owner)\n");
    }

    @Test
    void participantsAreSortedByMessageCountThenName() throws IOException {
        Incident incident = incident(utc("2026-05-02T09:00:00"), null);
        List<TimelineEntry> entries = new ArrayList<>();
        String[][] messages = {{"U3", "a"}, {BOB, "b"}, {"U3", "c"}, {ALICE, "d"}, {"U3", "e"}, {BOB, "f"}};
        for (int i = 0; i < messages.length; i++) {
            entries.add(message(i + 1, "2026-05-02T09:0" + i + ":00", messages[i][0], messages[i][1]));
        }
        List<Participant> joined = List.of(new Participant(7, "U0ZED", utc("2026-05-02T09:00:00")),
                new Participant(7, "U0ADAM", utc("2026-05-02T09:00:00")));

        String draft = render(PostmortemInput.builder(incident, entries::forEach, UTC).participants(joined)
                .displayNames(Map.of(ALICE, "alice", BOB, "Bob", "U0ZED", "Zed", "U0ADAM", "adam")).build());

        assertThat(draft).contains("## Participants\n\n- <@U3> — 3 messages\n- Bob — 2 messages\n"
                + "- alice — 1 message\n- adam — 0 messages\n- Zed — 0 messages\n\n");
    }

    @Test
    void repliesWhoseFirstMessageIsDeletedOrMissingStayTogetherUnderAPlaceholder() throws IOException {
        Incident incident = incident(utc("2026-05-02T09:00:00"), utc("2026-05-02T11:00:00"));
        TimelineEntry deleted = message(1, "2026-05-02T09:10:00", BOB, "oops, secret");
        deleted = new TimelineEntry(1, 7, EntryKind.MESSAGE, deleted.at(), deleted.ts(), null, BOB, deleted.text(),
                null, true, false, List.of());
        List<TimelineEntry> entries = List.of(deleted,
                reply(2, "2026-05-02T09:12:00", deleted.ts(), ALICE, "rotate it"),
                message(3, "2026-05-02T09:13:00", BOB, "on the main channel"),
                reply(4, "2026-05-02T09:20:00", SampleIncident.ts("2026-05-02T08:00:00"), ALICE, "about the deploy"),
                reply(5, "2026-05-02T09:25:00", deleted.ts(), BOB, "rotated"),
                reply(6, "2026-05-02T09:30:00", SampleIncident.ts("2026-05-02T08:00:00"), BOB, "unrelated"));

        String draft = render(input(incident, entries, UTC));

        assertThat(draft).contains("""
                - 09:10 _(deleted message)_
                  - 09:12 **Alice Chen**: rotate it
                  - 09:25 **Bob**: rotated
                - 09:13 **Bob**: on the main channel
                - _(the first message of this thread, 08:00, is not in this log)_
                  - 09:20 **Alice Chen**: about the deploy
                  - 09:30 **Bob**: unrelated
                """).doesNotContain("secret");
    }

    private static TimelineEntry reply(long id, String at, String threadTs, String user, String text) {
        TimelineEntry m = message(id, at, user, text);
        return new TimelineEntry(id, 7, EntryKind.MESSAGE, m.at(), m.ts(), threadTs, user, text, null, false, false,
                List.of());
    }

    private static Map<String, String> names() {
        return Map.of(ALICE, "Alice Chen", BOB, "Bob");
    }

    private static PostmortemInput input(Incident incident, List<TimelineEntry> entries, ZoneId zone) {
        return PostmortemInput.builder(incident, entries::forEach, zone).displayNames(names()).build();
    }

    private static Incident incident(Instant declared, Instant resolved) {
        return new Incident(7, "Login slow", Severity.SEV3, resolved == null ? Status.INVESTIGATING : Status.RESOLVED,
                false, null, null, null, null, ALICE, declared, null, null, resolved, null, Map.of(Role.LEAD, ALICE));
    }

    static TimelineEntry message(long id, String at, String user, String text) {
        String ts = SampleIncident.ts(at);
        return new TimelineEntry(id, 7, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts, null, user, text, null, false,
                false, List.of());
    }

    private static TimelineEntry command(long id, String at, EntryKind kind, String text) {
        return new TimelineEntry(id, 7, kind, utc(at), null, null, ALICE, text, null, false, false, List.of());
    }
}
