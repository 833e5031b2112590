package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.pager.Page;
import io.incidentbot.pager.PagerKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.incidentbot.postmortem.SampleIncident.ALICE;
import static io.incidentbot.postmortem.SampleIncident.utc;
import static org.assertj.core.api.Assertions.assertThat;

/** The Response metrics of a paged incident: Time to acknowledge and Paged (issue 21); none for an unpaged one. */
class PagedMetricsTest {
    private static final Incident INCIDENT = new Incident(7, "Login slow", Severity.SEV1, Status.RESOLVED, false, null,
            null, null, null, ALICE, utc("2026-05-02T03:12:00"), null, null, utc("2026-05-02T04:00:00"), null,
            Map.of(Role.LEAD, ALICE));

    private static String metrics(List<Page> pages) throws IOException {
        StringBuilder out = new StringBuilder();
        PostmortemRenderer.render(PostmortemInput.builder(INCIDENT, sink -> { }, ZoneId.of("UTC"))
                .displayNames(Map.of(ALICE, "Alice Chen")).pages(pages).build(), out);
        String draft = out.toString();
        int start = draft.indexOf("## Response metrics\n");
        return draft.substring(start, draft.indexOf("\n## ", start + 1) + 1);
    }

    private static Page page(PagerKind pager, String pagedBy, String ackAt, String ackBy, String error) {
        return new Page(7, pager, "incident-bot-7", ackAt == null ? Page.State.TRIGGERED : Page.State.ACKNOWLEDGED,
                utc("2026-05-02T03:12:00"), utc("2026-05-02T03:12:00"), pagedBy, null, ackAt == null ? null : utc(ackAt),
                ackAt == null ? null : utc(ackAt), ackBy, null, error);
    }

    @Test
    void aPagedIncidentShowsTheTimeToTheFirstAcknowledgementAndEveryPage() throws IOException {
        String m = metrics(List.of(
                page(PagerKind.PAGERDUTY, null, "2026-05-02T03:15:00", "Tenex Engineer", null),
                page(PagerKind.GOALERT, ALICE, null, null, null),
                page(PagerKind.JSM_OPS, null, null, null, "JSM Ops answered 401: Could not authenticate")));
        assertThat(m).contains("| Time to acknowledge | 3 min |");
        assertThat(m).contains("| Paged | PagerDuty 03:12 (severity), acknowledged by Tenex Engineer 03:15; "
                + "GoAlert 03:12 by Alice Chen, not acknowledged; JSM Ops 03:12 (severity), failed: JSM Ops answered 401: "
                + "Could not authenticate |");
    }

    @Test
    void anUnacknowledgedPageSaysSoAndAnUnpagedIncidentHasNeitherRow() throws IOException {
        assertThat(metrics(List.of(page(PagerKind.PAGERDUTY, null, null, null, null))))
                .contains("| Time to acknowledge | not acknowledged |");
        assertThat(metrics(List.of())).doesNotContain("Time to acknowledge").doesNotContain("| Paged |");
    }
}
