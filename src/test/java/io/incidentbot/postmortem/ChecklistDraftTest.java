package io.incidentbot.postmortem;

import io.incidentbot.incident.Role;
import io.incidentbot.process.checklist.ChecklistEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft's Checklist section (process file, issue 25): who ticked what and when; none without checklist items. */
class ChecklistDraftTest {
    private static final PostmortemInput SAMPLE = SampleIncident.input(ZoneId.of("UTC"));

    private static String draft(List<ChecklistEntry> checklist) throws IOException {
        PostmortemInput in = SAMPLE.toBuilder().checklist(checklist).build();
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(in, out);
        return out.toString();
    }

    @Test
    void theDraftListsTheChecklistWithWhoTickedWhatAndWhen() throws IOException {
        String lead = SAMPLE.incident().declaredBy();
        Instant due = SAMPLE.incident().declaredAt();
        String draft = draft(List.of(
                new ChecklistEntry(SAMPLE.incident().number(), 0, "Response", "Assign an incident commander", null, null,
                        Role.LEAD, true, due, lead, due.plusSeconds(120)),
                new ChecklistEntry(SAMPLE.incident().number(), 2, "Response", "Prepare a rollback | plan", null,
                        "https://runbooks.example.com/rollback", null, false, due, null, null)));

        assertThat(draft).contains("## Checklist\n\n| Item | Done by | At |\n|---|---|---|\n"
                + "| [x] Assign an incident commander (required) | Alice Chen | 2026-03-14 23:00 |\n"
                + "| [ ] Prepare a rollback \\| plan | — | — |\n\n## Participants");
    }

    @Test
    void theSummaryTableUsesTheProcessFilesSeverityAndRoleNames() throws IOException {
        PostmortemInput named = SAMPLE.toBuilder().names(java.util.Map.of(
                SAMPLE.incident().severity().name(), "Major | big", "lead", "Incident commander")).build();
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(named, out);
        String sev = SAMPLE.incident().severity().name();
        assertThat(out.toString()).contains("| Severity | " + sev + " Major \\| big |", "| Incident commander | ",
                "| Comms | ").doesNotContain("| Lead | ");
        assertThat(draft(List.of())).contains("| Severity | " + sev + " |", "| Lead | ");
    }

    @Test
    void withoutChecklistItemsTheDraftHasNoChecklistSection() throws IOException {
        assertThat(draft(List.of())).doesNotContain("## Checklist").contains("## Follow-ups");
    }
}
