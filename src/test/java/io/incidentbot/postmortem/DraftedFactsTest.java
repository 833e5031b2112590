package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.AlertSpan;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.incidentbot.postmortem.SampleIncident.ALICE;
import static io.incidentbot.postmortem.SampleIncident.BOB;
import static io.incidentbot.postmortem.SampleIncident.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Summary, Impact and Response metrics the draft pre-fills, on an incident with known times: the
 * numbers a reader would check by hand against the timeline.
 */
class DraftedFactsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private static TimelineEntry command(long id, String at, String user, EntryKind kind, String text) {
        return new TimelineEntry(id, 7, kind, utc(at), null, null, user, text, null, false, false, List.of());
    }

    private static String section(String draft, String heading) {
        int start = draft.indexOf("## " + heading + "\n");
        return draft.substring(start, draft.indexOf("\n## ", start + 1) + 1);
    }

    private static String draft(Incident incident, List<TimelineEntry> entries, List<FollowUp> followUps,
                                List<AlertSpan> alerts) throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(PostmortemInput.builder(incident, entries::forEach, UTC).followUps(followUps)
                .displayNames(Map.of(ALICE, "Alice Chen", BOB, "Bob", "U3", "Carol")).alerts(alerts).build(), out);
        return out.toString();
    }

    @Test
    void theResponseMetricsAreMeasuredFromTheRecordedTimes() throws IOException {
        Incident incident = new Incident(7, "Login slow", Severity.SEV1, Status.RESOLVED, false, "Logins take 30 s",
                null, null, null, ALICE, utc("2026-05-02T09:00:30"), utc("2026-05-02T09:40:00"),
                utc("2026-05-02T10:15:00"), utc("2026-05-02T11:05:00"), "Rolled back the session cache",
                Map.of(Role.LEAD, ALICE));
        List<TimelineEntry> entries = List.of(
                PostmortemRendererTest.message(1, "2026-05-02T08:55:00", "U3", "before the declaration: not a response"),
                command(2, "2026-05-02T09:00:30", ALICE, EntryKind.DECLARED, "Declared SEV3: Login slow"),
                PostmortemRendererTest.message(3, "2026-05-02T09:07:10", BOB, "looking"),
                command(4, "2026-05-02T09:10:00", BOB, EntryKind.STATUS_UPDATE, "Investigating slow logins"),
                command(5, "2026-05-02T09:20:00", ALICE, EntryKind.SEVERITY_CHANGE, "Severity SEV3 → SEV2"),
                command(6, "2026-05-02T09:30:00", BOB, EntryKind.STATUS_UPDATE, "Cause found in the session cache"),
                command(7, "2026-05-02T09:50:00", ALICE, EntryKind.SEVERITY_CHANGE, "Severity SEV2 → SEV1"),
                command(8, "2026-05-02T10:45:00", BOB, EntryKind.STATUS_UPDATE, "Rolled back; watching <@U3|carol>"),
                command(9, "2026-05-02T10:50:00", BOB, EntryKind.STATUS_UPDATE, "Error rate normal"));
        List<FollowUp> followUps = List.of(new FollowUp(1, 7, "Alert on login p99", BOB, ALICE, utc("2026-05-02T11:00:00")),
                new FollowUp(2, 7, "Cache runbook", null, ALICE, utc("2026-05-02T11:01:00")),
                new FollowUp(3, 7, "Load test", "U3", ALICE, utc("2026-05-02T11:02:00")));
        List<AlertSpan> alerts = List.of(new AlertSpan("LoginLatencyHigh", utc("2026-05-02T08:52:00"),
                utc("2026-05-02T10:20:00")), new AlertSpan("SessionCacheErrors", utc("2026-05-02T09:05:00"), null));

        String draft = draft(incident, entries, followUps, alerts);

        assertThat(section(draft, "Response metrics")).contains(
                "| Time to first response | 7 min (first message 09:07 by Bob) |",
                "| Time to identified | 40 min |", "| Time to mitigated | 1 h 15 min |", "| Time to resolved | 2 h 5 min |",
                "| Responders | 3 people wrote in the channel or ran an incident command |",
                "| Status updates | 4; the first 10 min after declared; longest gap between two: 1 h 15 min (09:30 → 10:45) |",
                "| Follow-ups | 3: 2 with an owner, 1 without |");
        assertThat(section(draft, "Impact")).contains(
                "- **Severity:** SEV1 (declared SEV3; SEV3 → SEV2 at 09:20; SEV2 → SEV1 at 09:50)\n",
                "- **Duration:** 2 h 5 min, declared 2026-05-02 09:00 to resolved 2026-05-02 11:05; mitigated after 1 h 15 min\n",
                "- **Alerts:** `LoginLatencyHigh` firing 1 h 28 min (08:52 → 10:20); "
                        + "`SessionCacheErrors` firing since 09:05, not resolved\n",
                "- _How we know: link the dashboards and queries._");
        assertThat(section(draft, "Summary")).contains(Prompts.SUMMARY_DRAFTED,
                "**At declaration:** Logins take 30 s\n", "**Last status update** (10:50): Error rate normal\n",
                "**Resolution:** Rolled back the session cache\n");
    }

    @Test
    void anOpenIncidentSaysWhatHasNotHappenedAndKeepsThePromptsWhenNothingWasRecorded() throws IOException {
        Incident open = new Incident(7, "Login slow", Severity.SEV3, Status.INVESTIGATING, false, null, null, null, null,
                ALICE, utc("2026-05-02T09:00:00"), null, null, null, null, Map.of());

        String draft = draft(open, List.of(), List.of(), List.of());

        assertThat(section(draft, "Summary")).contains(Prompts.SUMMARY).doesNotContain(Prompts.SUMMARY_DRAFTED);
        assertThat(section(draft, "Impact")).contains("- **Severity:** SEV3, unchanged since declared\n",
                "- **Duration:** not resolved yet (declared 2026-05-02 09:00)\n").doesNotContain("**Alerts:**");
        assertThat(section(draft, "Response metrics")).contains(
                "| Time to first response | no message after the declaration |", "| Time to identified | not yet |",
                "| Time to resolved | not yet |", "| Responders | 0 people wrote in the channel or ran an incident command |",
                "| Status updates | none |", "| Follow-ups | none |");
        assertThat(draft).contains(Prompts.ROOT_CAUSE, Prompts.WENT_WELL, Prompts.WENT_WRONG, Prompts.LUCKY);
    }

    @Test
    void theSampleExportIsDraftedAsInItsGoldenFile() throws IOException {
        Golden.assertMatches(ChartPictures.importSample(dir).draft(), "postmortem/sample-export.md");
    }
}
