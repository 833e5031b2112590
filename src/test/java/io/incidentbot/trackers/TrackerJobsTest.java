package io.incidentbot.trackers;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Transactions;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.testkit.GitHubIssuesStandIn;
import io.incidentbot.testkit.JiraStandIn;
import io.incidentbot.trackers.client.GitHubIssues;
import io.incidentbot.trackers.client.JiraIssues;
import io.incidentbot.trackers.TrackerJobs.CreateIssue;
import io.incidentbot.trackers.TrackerJobs.SyncIssue;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker jobs against a real SQLite database and the GitHub stand-in. */
class TrackerJobsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;
    JdbiStorage storage;
    GitHubIssuesStandIn github;
    TrackerJobs jobs;
    Transactions transactions;
    /** The events recorded, with whether the link was stored when each was recorded (same transaction). */
    final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        github = new GitHubIssuesStandIn("acme/ops");
        GitHubIssues client = new GitHubIssues(new TrackerSettings.GitHub(GitHubIssuesStandIn.TOKEN, "acme", "ops", github.url()),
                List.of("incident-follow-up"), new OkHttpClient(), CLOCK);
        transactions = new Transactions(storage, List.of((work, event) -> {
            if (event instanceof IncidentEvent.FollowUpIssueCreated c) {
                TrackerLink link = work.repositories().trackers().find(c.followUpId()).orElseThrow().link();
                events.add(c.followUpId() + " " + c.key() + " " + c.url() + " stored:" + link.status());
            } else if (event instanceof IncidentEvent.FollowUpIssueRefused f) {
                TrackerLink link = work.repositories().trackers().find(f.followUpId()).orElseThrow().link();
                events.add(f.followUpId() + " refused by " + f.provider() + ": " + f.error() + " stored:" + link.status());
            }
        }), CLOCK);
        jobs = new TrackerJobs(transactions, client, UserMap.parse("U0SAM=samlogin"), CLOCK);
    }

    @AfterEach
    void close() {
        storage.close();
        github.close();
    }

    private long followUp(boolean privateIncident) {
        return storage.transaction(r -> {
            long n = r.incidents().create("Checkout fails for EU cards", Severity.SEV2, privateIncident, null, "U0LEAD", T0)
                    .number();
            r.incidents().setChannel(n, "C0INC1", "inc-1-checkout");
            r.userNames().put("U0LEAD", "Dana", T0);
            long id = r.followUps().add(n, "add an alert on queue depth", "U0SAM", "U0LEAD", T0).id();
            r.trackers().plan(id, LocalDate.parse("2026-12-20"), 2);
            return id;
        });
    }

    private boolean claim(long id, String who) {
        return storage.transaction((Repositories r) -> r.trackers().claimExport(id, "github", who, T0));
    }

    private FollowUpRecord find(long id) {
        return storage.read((Repositories r) -> r.trackers().find(id)).orElseThrow();
    }

    @Test
    void aDoubleClickCreatesOneIssueWithTheOwnerAssigned() {
        long id = followUp(false);
        assertThat(claim(id, "U0LEAD")).isTrue();
        assertThat(claim(id, "U0LEAD")).as("the second click queues nothing").isFalse();

        assertThat(jobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(jobs.create(new CreateIssue(id)).type()).as("a job delivered twice creates nothing more")
                .isEqualTo(Outcome.Type.DONE);

        assertThat(github.issues()).hasSize(1);
        GitHubIssuesStandIn.Issue issue = github.issue(1);
        assertThat(issue.assignees).containsExactly("samlogin");
        assertThat(issue.body).contains("incident 1: Checkout fails for EU cards", "Asked by: Dana (U0LEAD)", "Due: 2026-12-20",
                "https://slack.com/app_redirect?channel=C0INC1");
        assertThat(find(id).link()).isEqualTo(new TrackerLink("github", TrackerLink.Status.CREATED, "acme/ops#1",
                "https://github.com/acme/ops/issues/1", null));
        assertThat(github.violations()).isEmpty();
    }

    @Test
    void storingTheCreatedIssuesLinkRecordsItForTheFollowUpsMessageInTheSameTransactionOnce() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        jobs.create(new CreateIssue(id));
        jobs.create(new CreateIssue(id));
        assertThat(events).containsExactly(id + " acme/ops#1 https://github.com/acme/ops/issues/1 stored:CREATED");
    }

    @Test
    void aPrivateIncidentsTitleChannelAndDraftStayOutOfTheTracker() {
        long id = followUp(true);
        storage.run(r -> r.outbox().rememberSent(1, "postmortem", "https://acme.slack.com/files/U0BOT/F1/draft.md"));
        claim(id, "U0LEAD");
        jobs.create(new CreateIssue(id));
        assertThat(github.issue(1).body).contains("incident 1: (a private incident)")
                .doesNotContain("Checkout", "C0INC1", "files/U0BOT");
    }

    @Test
    void theIssueLinksTheIncidentsPostmortemDraftWhenThereIsOne() {
        long id = followUp(false);
        storage.run(r -> r.outbox().rememberSent(1, "postmortem", "https://acme.slack.com/files/U0BOT/F1/draft.md"));
        claim(id, "U0LEAD");
        jobs.create(new CreateIssue(id));
        assertThat(github.issue(1).body).contains("https://acme.slack.com/files/U0BOT/F1/draft.md");
    }

    @Test
    void aRefusalForGoodIsShownOnTheFollowUpAndRetryOffersItAgain() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        github.failNext(410, "{\"message\":\"Issues are disabled for this repo\"}");
        Outcome refused = jobs.create(new CreateIssue(id));
        assertThat(refused.type()).isEqualTo(Outcome.Type.FAIL);
        assertThat(find(id).link().status()).isEqualTo(TrackerLink.Status.FAILED);
        assertThat(find(id).link().error()).isEqualTo("GitHub 410: Issues are disabled for this repo");
        assertThat(events).as("recorded with the refusal, for the follow-up's message (issue 22)")
                .containsExactly(id + " refused by github: GitHub 410: Issues are disabled for this repo stored:FAILED");

        assertThat(storage.transaction((Repositories r) -> r.trackers().retryExport(id, "U0LEAD", T0))).isTrue();
        assertThat(jobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(find(id).link().status()).isEqualTo(TrackerLink.Status.CREATED);
        assertThat(github.issues()).hasSize(1);
    }

    @Test
    void anOutageIsRetriedAfterTheTrackersWaitAndTheExportStaysPending() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        github.failNext(503, "{\"message\":\"Service unavailable\"}", "Retry-After", "20");
        Outcome later = jobs.create(new CreateIssue(id));
        assertThat(later.type()).isEqualTo(Outcome.Type.RETRY);
        assertThat(later.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(find(id).link().status()).isEqualTo(TrackerLink.Status.PENDING);
    }

    @Test
    void closingInSlackClosesTheIssueWithACommentAndAStaleJobDoesNothing() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        jobs.create(new CreateIssue(id));
        storage.run(r -> r.trackers().changeState(id, FollowUpState.WONT_DO, "U0LEAD", T0, "slack"));
        assertThat(TrackerJobs.wantsSync(find(id), "slack")).isTrue();
        assertThat(TrackerJobs.wantsSync(find(id), "tracker")).as("a change that came from the tracker").isFalse();

        assertThat(jobs.sync(new SyncIssue(id, "wont_do", "U0LEAD", T0)).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(github.issue(1).state).isEqualTo("closed");
        assertThat(github.issue(1).stateReason).isEqualTo("not_planned");
        assertThat(github.issue(1).comments).containsExactly("Marked won't do in Slack by Dana (incident 1).");

        int calls = github.calls().size();
        assertThat(jobs.sync(new SyncIssue(id, "open", "U0LEAD", T0)).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(github.calls()).as("the follow-up is no longer open: that job is stale").hasSize(calls);
    }

    @Test
    void aFollowUpClosedWhileItsIssueWasBeingCreatedClosesTheNewIssue() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        storage.run(r -> r.trackers().changeState(id, FollowUpState.DONE, "U0LEAD", T0, "slack"));
        assertThat(jobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(github.issue(1).state).isEqualTo("closed");
        assertThat(github.issue(1).stateReason).isEqualTo("completed");
    }

    @Test
    void aRetryAfterALostAnswerFindsTheIssueInsteadOfCreatingASecond() {
        long id = followUp(false);
        claim(id, "U0LEAD");
        github.loseNextAnswer();
        assertThat(jobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.RETRY);
        assertThat(github.issues()).as("GitHub made it; the bot never heard").hasSize(1);
        assertThat(find(id).link().status()).isEqualTo(TrackerLink.Status.PENDING);

        assertThat(jobs.create(new CreateIssue(id), true).type()).isEqualTo(Outcome.Type.DONE);
        assertThat(github.issues()).hasSize(1);
        assertThat(find(id).link().key()).isEqualTo("acme/ops#1");
        assertThat(github.violations()).isEmpty();
    }

    @Test
    void aJiraRetryAfterALostAnswerFindsTheIssueByItsLabelInsteadOfCreatingASecond() {
        try (JiraStandIn jira = new JiraStandIn("OPS")) {
            TrackerJobs jiraJobs = new TrackerJobs(transactions, new JiraIssues(new TrackerSettings.Jira(jira.url(), JiraStandIn.EMAIL,
                    JiraStandIn.API_TOKEN, "OPS", "Task"), List.of("incident-follow-up"), new OkHttpClient(), CLOCK),
                    UserMap.parse("U0SAM=samlogin"), CLOCK);
            long other = followUp(false);
            long id = storage.transaction((Repositories r) -> r.followUps().add(find(other).incident(), "write the runbook",
                    "U0SAM", "U0LEAD", T0).id());
            storage.run(r -> r.trackers().claimExport(other, "jira", "U0LEAD", T0));
            storage.run(r -> r.trackers().claimExport(id, "jira", "U0LEAD", T0));
            assertThat(jiraJobs.create(new CreateIssue(other)).type()).isEqualTo(Outcome.Type.DONE);

            jira.loseNextAnswer();
            assertThat(jiraJobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.RETRY);
            assertThat(jira.issues()).as("Jira made it; the bot never heard").hasSize(2);
            assertThat(find(id).link().status()).isEqualTo(TrackerLink.Status.PENDING);

            assertThat(jiraJobs.create(new CreateIssue(id), true).type()).isEqualTo(Outcome.Type.DONE);
            assertThat(jira.issues()).as("found by its label, not made again").hasSize(2);
            assertThat(find(id).link().key()).isEqualTo("OPS-2");
            assertThat(find(id).link().url()).isEqualTo(jira.url() + "/browse/OPS-2");
            assertThat(find(other).link().key()).isEqualTo("OPS-1");
            assertThat(jira.issue("OPS-2").fields.path("labels").toString())
                    .contains("incident-follow-up", "incident-bot-follow-up-" + id);
            assertThat(jira.calls("POST", "/rest/api/3/search/jql")).hasSize(1);
            assertThat(jira.violations()).isEmpty();
        }
    }

    @Test
    void aJiraRetryWhoseSearchMissesTheNewIssueWaitsThirtySecondsFromTheLostAttemptAndSearchesAgain() {
        try (JiraStandIn jira = new JiraStandIn("OPS")) {
            io.incidentbot.outbox.TestClock clock = new io.incidentbot.outbox.TestClock(T0);
            TrackerJobs jiraJobs = jiraJobsAt(jira, clock);
            long id = followUp(false);
            storage.run(r -> r.trackers().claimExport(id, "jira", "U0LEAD", T0));
            jira.loseNextAnswer();
            assertThat(jiraJobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.RETRY);
            assertThat(jira.issues()).as("Jira made it; the bot never heard").hasSize(1);

            clock.advance(Duration.ofSeconds(2)); // the outbox retries after its backoff; Jira's index is behind
            jira.hideFromNextSearches(1);
            Outcome early = jiraJobs.create(new CreateIssue(id), true);
            assertThat(early.type()).as("not found yet, too soon to tell").isEqualTo(Outcome.Type.RETRY);
            assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(28));
            assertThat(jira.issues()).as("no second issue").hasSize(1);

            clock.advance(Duration.ofSeconds(28));
            assertThat(jiraJobs.create(new CreateIssue(id), true).type()).isEqualTo(Outcome.Type.DONE);
            assertThat(jira.issues()).as("found by the second search, not made again").hasSize(1);
            assertThat(find(id).link().key()).isEqualTo("OPS-1");
            assertThat(jira.calls("POST", "/rest/api/3/search/jql")).hasSize(2);
            assertThat(jira.calls("POST", "/rest/api/3/issue")).hasSize(1);
        }
    }

    @Test
    void aJiraRetryCreatesWhenTheIssueIsStillNotFoundThirtySecondsAfterTheFailedAttempt() {
        try (JiraStandIn jira = new JiraStandIn("OPS")) {
            io.incidentbot.outbox.TestClock clock = new io.incidentbot.outbox.TestClock(T0);
            TrackerJobs jiraJobs = jiraJobsAt(jira, clock);
            long id = followUp(false);
            storage.run(r -> r.trackers().claimExport(id, "jira", "U0LEAD", T0));
            jira.failNext(503, "{\"errorMessages\":[\"Service unavailable\"]}");
            assertThat(jiraJobs.create(new CreateIssue(id)).type()).isEqualTo(Outcome.Type.RETRY);

            clock.advance(Duration.ofSeconds(31));
            assertThat(jiraJobs.create(new CreateIssue(id), true).type()).isEqualTo(Outcome.Type.DONE);
            assertThat(jira.issues()).hasSize(1);
            assertThat(jira.calls("POST", "/rest/api/3/search/jql")).as("searched once, then created").hasSize(1);
        }
    }

    /** Tracker jobs creating issues in {@code jira}'s project OPS, on {@code clock}. */
    private TrackerJobs jiraJobsAt(JiraStandIn jira, io.incidentbot.outbox.TestClock clock) {
        return new TrackerJobs(new Transactions(storage, List.of(), clock), new JiraIssues(
                new TrackerSettings.Jira(jira.url(), JiraStandIn.EMAIL, JiraStandIn.API_TOKEN, "OPS", "Task"),
                List.of("incident-follow-up"), new OkHttpClient(), clock), UserMap.parse(""), clock);
    }
}
