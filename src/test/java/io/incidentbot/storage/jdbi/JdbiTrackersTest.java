package io.incidentbot.storage.jdbi;

import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.TrackerLink;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiTrackersTest extends SqliteTest {

    private long followUp(long incident, String text, String owner) {
        return tx(r -> r.followUps().add(incident, text, owner, "U_LEAD", T0)).id();
    }

    private boolean did(io.incidentbot.store.Storage.Work<Boolean> work) {
        return tx(work);
    }

    private FollowUpRecord find(long id) {
        return storage.read((Repositories r) -> r.trackers().find(id)).orElseThrow();
    }

    @Test
    void aFollowUpStartsOpenWithoutPlanAndKeepsItsDueDateAndPriority() {
        long n = declare("checkout");
        long id = followUp(n, "add an alert", "U_SAM");
        FollowUpRecord fresh = find(id);
        assertThat(fresh.state()).isEqualTo(FollowUpState.OPEN);
        assertThat(fresh.due()).isNull();
        assertThat(fresh.priority()).isNull();
        assertThat(fresh.link()).isNull();

        run(r -> r.trackers().plan(id, LocalDate.parse("2026-12-20"), 1));
        assertThat(find(id).due()).isEqualTo(LocalDate.parse("2026-12-20"));
        assertThat(find(id).priority()).isEqualTo(1);
        assertThat(find(id).overdue(LocalDate.parse("2026-12-21"))).isTrue();
        assertThat(find(id).overdue(LocalDate.parse("2026-12-20"))).isFalse();
    }

    @Test
    void closingRecordsWhoWhenAndWhereOnceAndReopeningClearsIt() {
        long id = followUp(declare("checkout"), "add an alert", "U_SAM");
        assertThat(did(r -> r.trackers().changeState(id, FollowUpState.DONE, "U_DANA", T0.plusSeconds(60), "slack"))).isTrue();
        assertThat(did(r -> r.trackers().changeState(id, FollowUpState.DONE, "github:octocat", T0.plusSeconds(90), "tracker")))
                .as("a second close, e.g. the tracker's webhook echoing ours, changes nothing").isFalse();
        FollowUpRecord done = find(id);
        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(done.closedBy()).isEqualTo("U_DANA");
        assertThat(done.source()).isEqualTo("slack");

        assertThat(did(r -> r.trackers().changeState(id, FollowUpState.OPEN, "github:octocat", T0.plusSeconds(120), "tracker")))
                .isTrue();
        FollowUpRecord reopened = find(id);
        assertThat(reopened.state()).isEqualTo(FollowUpState.OPEN);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.source()).isEqualTo("tracker");
        assertThat(did(r -> r.trackers().changeState(id, FollowUpState.WONT_DO, "U_DANA", T0.plusSeconds(130), "slack"))).isTrue();
        assertThat(find(id).state()).isEqualTo(FollowUpState.WONT_DO);
    }

    @Test
    void anExportIsClaimedOnceCreatedFailedAndRetried() {
        long id = followUp(declare("checkout"), "add an alert", null);
        assertThat(did(r -> r.trackers().claimExport(id, "github", "U_DANA", T0))).isTrue();
        assertThat(did(r -> r.trackers().claimExport(id, "github", "U_SAM", T0.plusSeconds(1)))).isFalse();
        assertThat(find(id).link()).isEqualTo(new TrackerLink("github", TrackerLink.Status.PENDING, null, null, null));

        assertThat(did(r -> r.trackers().exportFailed(id, "GitHub 410: Issues are disabled for this repo", T0))).isTrue();
        assertThat(find(id).link().error()).isEqualTo("GitHub 410: Issues are disabled for this repo");
        assertThat(did(r -> r.trackers().exported(id, "acme/ops#1", "u", T0))).as("only a pending export completes").isFalse();
        assertThat(did(r -> r.trackers().retryExport(id, "U_DANA", T0.plusSeconds(5)))).isTrue();
        assertThat(did(r -> r.trackers().retryExport(id, "U_DANA", T0.plusSeconds(5)))).isFalse();

        assertThat(did(r -> r.trackers().exported(id, "acme/ops#1", "https://github.com/acme/ops/issues/1", T0))).isTrue();
        assertThat(find(id).link()).isEqualTo(new TrackerLink("github", TrackerLink.Status.CREATED, "acme/ops#1",
                "https://github.com/acme/ops/issues/1", null));
        assertThat(storage.read((Repositories r) -> r.trackers().byIssue("github", "acme/ops#1"))).map(FollowUpRecord::id).contains(id);
        assertThat(storage.read((Repositories r) -> r.trackers().byIssue("jira", "acme/ops#1"))).isEmpty();
    }

    @Test
    void twoRacingClaimsForOneFollowUpLetExactlyOneQueueTheIssue() throws Exception {
        long id = followUp(declare("checkout"), "add an alert", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (String who : List.of("U_A", "U_B")) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return did(r -> r.trackers().claimExport(id, "github", who, T0));
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : claims) {
                results.add(f.get());
            }
            assertThat(Collections.frequency(results, true)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ownersSeeTheirOpenFollowUpsSoonestDueFirstAndOverdueOnesAreRemindedOncePerInterval() {
        long n = declare("checkout");
        long late = followUp(n, "late", "U_SAM");
        long soon = followUp(n, "soon", "U_SAM");
        long undated = followUp(n, "undated", "U_SAM");
        long done = followUp(n, "done", "U_SAM");
        followUp(n, "someone else's", "U_ANA");
        run(r -> {
            r.trackers().plan(late, LocalDate.parse("2026-02-01"), null);
            r.trackers().plan(soon, LocalDate.parse("2026-03-05"), 2);
            r.trackers().plan(done, LocalDate.parse("2026-01-01"), null);
            r.trackers().changeState(done, FollowUpState.DONE, "U_SAM", T0, "slack");
        });
        assertThat(storage.read((Repositories r) -> r.trackers().openOwnedBy("U_SAM"))).extracting(FollowUpRecord::id)
                .containsExactly(late, soon, undated);

        LocalDate today = LocalDate.parse("2026-03-01");
        assertThat(storage.read((Repositories r) -> r.trackers().dueForReminder(today, T0, 10))).extracting(FollowUpRecord::id)
                .containsExactly(late);
        Instant sent = T0.plusSeconds(10);
        assertThat(did(r -> r.trackers().reminded(late, T0, sent))).isTrue();
        assertThat(did(r -> r.trackers().reminded(late, T0, sent))).as("another replica").isFalse();
        assertThat(storage.read((Repositories r) -> r.trackers().dueForReminder(today, T0, 10))).isEmpty();
        assertThat(storage.read((Repositories r) -> r.trackers().dueForReminder(today, sent, 10))).extracting(FollowUpRecord::id)
                .as("an interval after the last reminder").containsExactly(late);
    }

    @Test
    void aWebhookDeliveryIsAppliedOncePerTracker() {
        assertThat(did(r -> r.trackers().firstDelivery("github", "72d3162e", T0))).isTrue();
        assertThat(did(r -> r.trackers().firstDelivery("github", "72d3162e", T0))).isFalse();
        assertThat(did(r -> r.trackers().firstDelivery("gitlab", "72d3162e", T0))).isTrue();
    }

    @Test
    void anIncidentKeepsTheAlertGroupsOfItsAlertsAfterTheGroupMovesOn() {
        long first = declare("payments down");
        long second = declare("payments down again");
        String key = "{}:{alertname=\"PaymentsErrorRate\"}";
        run(r -> {
            long group = r.alerts().group(io.incidentbot.alerts.AlertSource.ALERTMANAGER, key, "Payments", T0);
            io.incidentbot.alerts.Alert a = new io.incidentbot.alerts.Alert("fp1", "PaymentsErrorRate",
                    io.incidentbot.alerts.AlertStatus.FIRING, java.util.Map.of(), java.util.Map.of(), T0, null, null, null, null, null);
            r.alerts().addTransition(group, new io.incidentbot.alerts.Transition(a, io.incidentbot.alerts.AlertStatus.FIRING, T0),
                    first, T0);
            r.alerts().linkIncident(group, first);
            r.alerts().linkIncident(group, second);
        });
        assertThat(storage.read((Repositories r) -> r.trackers().alertGroupKeys(first))).containsExactly(key);
        assertThat(storage.read((Repositories r) -> r.trackers().alertGroupKeys(second))).containsExactly(key);
        assertThat(storage.read((Repositories r) -> r.trackers().alertGroupKeys(999))).isEmpty();
    }
}
