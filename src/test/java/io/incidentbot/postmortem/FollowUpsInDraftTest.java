package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.trackers.FollowUpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draft's own Follow-ups section (issue 22): each follow-up's state (open, done, won't do), owner, due date and
 * tracker issue link, in the default layout and as template fields.
 */
class FollowUpsInDraftTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;
    JdbiStorage storage;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        storage.run(r -> {
            long n = r.incidents().create("Card payments failing", Severity.SEV2, false, null, "U1", T0).number();
            r.userNames().put("UBOB00001", "Bob", T0);
            r.userNames().put("U1", "Alice", T0);
            long alert = r.followUps().add(n, "add a PSP timeout alert", "UBOB00001", "U1", T0).id();
            r.trackers().plan(alert, LocalDate.parse("2026-12-01"), 2);
            r.trackers().claimExport(alert, "jira", "U1", T0);
            r.trackers().exported(alert, "OPS-7", "https://acme.atlassian.net/browse/OPS-7", T0);
            long done = r.followUps().add(n, "raise the pool size", null, "U1", T0).id();
            r.trackers().changeState(done, FollowUpState.DONE, "U1", T0.plus(Duration.ofDays(2)), "slack");
            long wont = r.followUps().add(n, "rewrite the checkout", "UBOB00001", "U1", T0).id();
            r.trackers().changeState(wont, FollowUpState.WONT_DO, "U1", T0, "slack");
            r.followUps().add(n, "write the runbook", null, "U1", T0);
            long pending = r.followUps().add(n, "page the PSP", null, "U1", T0).id();
            r.trackers().claimExport(pending, "jira", "U1", T0); // not created yet: no link
        });
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private String draft(PostmortemService drafts) throws IOException {
        StringWriter out = new StringWriter();
        drafts.render(1, out, null);
        return out.toString();
    }

    private PostmortemService drafts() {
        return new PostmortemService(storage, UserDirectory.NONE, new TestClock(T0.plus(Duration.ofDays(3))), ZoneOffset.UTC);
    }

    @Test
    void theDefaultLayoutShowsEachFollowUpsStateOwnerDueAndIssueLink() throws IOException {
        String draft = draft(drafts());

        assertThat(draft).contains("""
                ## Follow-ups

                - [ ] add a PSP timeout alert (Bob, due 2026-12-01, P2) — [OPS-7](https://acme.atlassian.net/browse/OPS-7)
                - [x] raise the pool size (no owner)
                - ~~rewrite the checkout~~ (Bob, won't do)
                - [ ] write the runbook (no owner)
                - [ ] page the PSP (no owner)

                """);
        assertThat(draft).contains("| Follow-ups | 5: 2 with an owner, 3 without; 1 done, 1 won't do |");
    }

    @Test
    void aTemplateGetsEachFollowUpsStateDueDateClosingTimeAndIssue() throws IOException {
        DraftTemplate template = DraftTemplate.check("""
                {{#followUps}}
                {{text}}|{{owner}}|{{state}}|{{#open}}open{{/open}}{{#done}}done{{/done}}{{#wontDo}}wont{{/wontDo}}|\
                {{due}}|{{priority}}|{{closedAt}}|{{issueKey}}|{{issueUrl}}
                {{/followUps}}
                """, "test.mustache");

        String draft = draft(drafts().using(template));

        assertThat(draft).isEqualTo("""
                add a PSP timeout alert|Bob|open|open|2026-12-01|P2||OPS-7|https://acme.atlassian.net/browse/OPS-7
                raise the pool size||done|done|||2026-11-04 09:00||
                rewrite the checkout|Bob|wont_do|wont|||2026-11-02 09:00||
                write the runbook||open|open|||||
                page the PSP||open|open|||||
                """);
    }
}
