package io.incidentbot.trackers.seen.draft;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.seen.SeenBeforeSource;
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

/** The postmortem draft's Related incidents section: earlier similar incidents with their follow-ups' state and links. */
class RelatedInDraftTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;
    JdbiStorage storage;
    PostmortemService drafts;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        drafts = new PostmortemService(storage, UserDirectory.NONE, new TestClock(T0.plus(Duration.ofDays(40))), ZoneOffset.UTC)
                .relatedBy(new SeenBeforeRelated(new SeenBeforeSource(Duration.ofHours(24))));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static long incident(Repositories r, String title, Instant at) {
        long n = r.incidents().create(title, Severity.SEV2, false, null, "U1", at).number();
        r.participants().add(n, "U1", at);
        return n;
    }

    private String draft(long n) throws IOException {
        StringWriter out = new StringWriter();
        drafts.render(n, out, null);
        return out.toString();
    }

    @Test
    void theDraftListsTheEarlierSimilarIncidentWithEachFollowUpsStateOwnerDueAndIssue() throws IOException {
        storage.run(r -> {
            long n = incident(r, "Card payments failing at checkout", T0);
            r.incidents().setStatus(n, Status.RESOLVED, null, null, T0.plus(Duration.ofMinutes(150)));
            r.outbox().rememberSent(n, "postmortem", "https://files.example/pm1");
            r.userNames().put("UBOB00001", "Bob", T0);
            long alert = r.followUps().add(n, "add a PSP timeout alert", "UBOB00001", "U1", T0).id();
            r.trackers().plan(alert, LocalDate.parse("2026-12-01"), 2);
            r.trackers().claimExport(alert, "github", "U1", T0);
            r.trackers().exported(alert, "acme/ops#3", "https://github.com/acme/ops/issues/3", T0);
            long done = r.followUps().add(n, "raise the pool size", null, "U1", T0).id();
            r.trackers().changeState(done, FollowUpState.DONE, "U1", T0, "slack");
            long wont = r.followUps().add(n, "rewrite *checkout*", null, "U1", T0).id();
            r.trackers().changeState(wont, FollowUpState.WONT_DO, "U1", T0, "slack");
            incident(r, "Grafana dashboards slow to load", T0.plusSeconds(60));
            incident(r, "Checkout card payments failing", T0.plus(Duration.ofDays(30)));
        });

        assertThat(draft(3)).contains("""
                ## Related incidents

                - **Incident 1: Card payments failing at checkout** (SEV2, 2026-11-02 09:00, resolved in 2 h 30 min; \
                similar title and summary) [postmortem draft](https://files.example/pm1)
                  - [ ] add a PSP timeout alert (Bob, due 2026-12-01, [acme/ops#3](https://github.com/acme/ops/issues/3))
                  - [x] raise the pool size (no owner)
                  - [x] rewrite *checkout* (no owner, won't do)

                ## Participants
                """).doesNotContain("Grafana");
        assertThat(draft(2)).as("nothing related: no section").doesNotContain("Related incidents");
    }
}
