package io.incidentbot.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.testkit.GitHubIssuesStandIn;
import io.incidentbot.testkit.GitLabStandIn;
import io.incidentbot.testkit.JiraStandIn;
import io.incidentbot.testkit.TrackerStandIn;
import io.incidentbot.trackers.client.GitHubIssues;
import io.incidentbot.trackers.client.GitLabIssues;
import io.incidentbot.trackers.client.IssueDraft;
import io.incidentbot.trackers.client.JiraIssues;
import io.incidentbot.trackers.client.TrackerException;
import io.incidentbot.trackers.client.TrackerIssue;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The three tracker clients against their stand-ins: the documented request shapes, and how refusals are classified. */
class TrackerClientsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private static final OkHttpClient HTTP = new OkHttpClient();
    private final List<TrackerStandIn> standIns = new ArrayList<>();

    private static IssueDraft draft(String assignee, Integer priority) {
        return new IssueDraft(17, "Add an alert on the payments queue depth", 42, "Checkout fails for EU cards", "SEV2",
                "https://acme.slack.com/archives/C0INC42", "https://acme.slack.com/docs/T1/F0PM42", "Dana (U0DANA)",
                "Sam (U0SAM)", assignee, LocalDate.parse("2026-12-20"), priority);
    }

    private <T extends TrackerStandIn> T standIn(T s) {
        standIns.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        standIns.forEach(TrackerStandIn::close);
    }

    private GitHubIssues github(GitHubIssuesStandIn gh) {
        return new GitHubIssues(new TrackerSettings.GitHub(GitHubIssuesStandIn.TOKEN, "Acme", "ops", gh.url()),
                List.of("incident-follow-up"), HTTP, CLOCK);
    }

    @Test
    void gitHubCreatesAnIssueWithTheIncidentFactsLabelsAndTheMappedAssignee() {
        GitHubIssuesStandIn gh = standIn(new GitHubIssuesStandIn("Acme/ops"));
        TrackerIssue issue = github(gh).create(draft("octocat", 1));

        assertThat(issue).isEqualTo(new TrackerIssue("github", "acme/ops#1", "https://github.com/Acme/ops/issues/1"));
        assertThat(gh.violations()).isEmpty();
        GitHubIssuesStandIn.Issue created = gh.issue(1);
        assertThat(created.title).isEqualTo("Add an alert on the payments queue depth");
        assertThat(created.labels).containsExactly("incident-follow-up");
        assertThat(created.assignees).containsExactly("octocat");
        assertThat(created.body).contains("incident 42: Checkout fails for EU cards", "(SEV2)",
                "Incident channel: https://acme.slack.com/archives/C0INC42", "Postmortem: https://acme.slack.com/docs/T1/F0PM42",
                "Asked by: Dana (U0DANA)", "Due: 2026-12-20", "Priority: P1", "<!-- incident-bot follow-up 17 -->");
        TrackerStandIn.Call call = gh.calls("POST", "/repos/Acme/ops/issues").get(0);
        assertThat(call.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(call.body().has("assignee")).as("the deprecated single assignee is not sent").isFalse();
    }

    @Test
    void gitHubClosesAsNotPlannedWithACommentAndReopens() {
        GitHubIssuesStandIn gh = standIn(new GitHubIssuesStandIn("Acme/ops"));
        GitHubIssues client = github(gh);
        String key = client.create(draft(null, null)).key();

        client.close(key, false, "Marked won't do in Slack by Dana");
        assertThat(gh.issue(1).state).isEqualTo("closed");
        assertThat(gh.issue(1).stateReason).isEqualTo("not_planned");
        assertThat(gh.issue(1).comments).containsExactly("Marked won't do in Slack by Dana");
        assertThat(gh.issue(1).assignees).isEmpty();

        client.reopen(key, "Reopened in Slack by Sam");
        assertThat(gh.issue(1).state).isEqualTo("open");
        client.close(key, true, "Done");
        assertThat(gh.issue(1).stateReason).isEqualTo("completed");
        assertThat(gh.violations()).isEmpty();
    }

    @Test
    void refusalsForGoodCarryTheTrackersErrorAndRateLimitsAndOutagesAreRetried() {
        GitHubIssuesStandIn gh = standIn(new GitHubIssuesStandIn("Acme/ops"));
        GitHubIssues wrongToken = new GitHubIssues(new TrackerSettings.GitHub("wrong", "Acme", "ops", gh.url()), List.of(),
                HTTP, CLOCK);
        TrackerException e = catchThrowableOfType(() -> wrongToken.create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("GitHub 401: Bad credentials").doesNotContain("wrong");

        GitHubIssues otherRepo = new GitHubIssues(new TrackerSettings.GitHub(GitHubIssuesStandIn.TOKEN, "Acme", "gone", gh.url()),
                List.of(), HTTP, CLOCK);
        e = catchThrowableOfType(() -> otherRepo.create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("GitHub 404: Not Found");

        gh.failNext(410, "{\"message\":\"Issues are disabled for this repo\",\"documentation_url\":\"https://docs.github.com/v3/issues/\"}");
        e = catchThrowableOfType(() -> github(gh).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("GitHub 410: Issues are disabled for this repo");

        gh.failNext(429, "{\"message\":\"secondary rate limit\"}", "Retry-After", "30");
        e = catchThrowableOfType(() -> github(gh).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));

        gh.failNext(403, "{\"message\":\"API rate limit exceeded\"}", "x-ratelimit-remaining", "0", "x-ratelimit-reset",
                Long.toString(CLOCK.instant().getEpochSecond() + 120));
        e = catchThrowableOfType(() -> github(gh).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2));

        gh.failNext(502, "<html>Bad gateway</html>");
        e = catchThrowableOfType(() -> github(gh).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isFalse();
        assertThat(e.status()).isEqualTo(502);

        GitHubIssues nowhere = new GitHubIssues(new TrackerSettings.GitHub("t", "Acme", "ops", "http://127.0.0.1:1"),
                List.of(), HTTP, CLOCK);
        e = catchThrowableOfType(() -> nowhere.create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isFalse();
        assertThat(e.status()).isZero();
        assertThat(gh.issues()).isEmpty();
    }

    private JiraIssues jira(JiraStandIn j) {
        return new JiraIssues(new TrackerSettings.Jira(j.url(), JiraStandIn.EMAIL, JiraStandIn.API_TOKEN, "OPS", "Task"),
                List.of("incident follow-up"), HTTP, CLOCK);
    }

    @Test
    void jiraCreatesAnIssueWithAnAdfDescriptionDueDatePriorityAndAssignee() {
        JiraStandIn j = standIn(new JiraStandIn("OPS"));
        TrackerIssue issue = jira(j).create(draft("5b10ac8d82e05b22cc7d4ef5", 2));

        assertThat(issue).isEqualTo(new TrackerIssue("jira", "OPS-1", j.url() + "/browse/OPS-1"));
        assertThat(j.violations()).isEmpty();
        JsonNode f = j.issue("OPS-1").fields;
        assertThat(f.path("summary").asText()).isEqualTo("Add an alert on the payments queue depth");
        assertThat(f.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(f.path("duedate").asText()).isEqualTo("2026-12-20");
        assertThat(f.path("priority").path("name").asText()).isEqualTo("High");
        assertThat(f.path("assignee").path("accountId").asText()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(f.path("labels").get(0).asText()).isEqualTo("incident-follow-up");
        JsonNode description = f.path("description");
        assertThat(description.path("type").asText()).isEqualTo("doc");
        assertThat(description.toString()).contains("\"text\":\"incident 42: Checkout fails for EU cards\",\"marks\":[{\"type\":\"strong\"}]",
                "{\"type\":\"link\",\"attrs\":{\"href\":\"https://acme.slack.com/archives/C0INC42\"}}");
    }

    @Test
    void jiraClosesThroughTheDoneOrWontDoTransitionAndReopensToToDo() {
        JiraStandIn j = standIn(new JiraStandIn("OPS"));
        JiraIssues client = jira(j);
        String done = client.create(draft(null, null)).key();
        String wont = client.create(draft(null, 3)).key();

        client.close(done, true, "Done in Slack by Dana");
        client.close(wont, false, "Won't do, said Dana in Slack");
        assertThat(j.issue(done).status).isEqualTo("Done");
        assertThat(j.issue(wont).status).isEqualTo("Won't Do");
        assertThat(j.category(wont)).isEqualTo("done");
        assertThat(j.issue(done).comments.get(0).toString()).contains("Done in Slack by Dana");

        client.reopen(done, "Reopened in Slack");
        assertThat(j.issue(done).status).isEqualTo("To Do");
        assertThat(j.violations()).isEmpty();

        TrackerException e = catchThrowableOfType(() -> client.close("OPS-99", true, "x"), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Jira 404: Issue does not exist or you do not have permission to see it.");
    }

    @Test
    void jiraValidationErrorsAreReadFromItsErrorsObject() {
        JiraStandIn j = standIn(new JiraStandIn("OTHER"));
        TrackerException e = catchThrowableOfType(() -> jira(j).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("Jira 400: project: valid project is required");
    }

    private GitLabIssues gitlab(GitLabStandIn g) {
        return new GitLabIssues(new TrackerSettings.GitLab(g.url(), GitLabStandIn.TOKEN, "acme/platform"),
                List.of("incident", "follow-up"), HTTP, CLOCK);
    }

    @Test
    void gitLabCreatesAnIssueInTheEncodedProjectPathAndClosesAndReopensIt() {
        GitLabStandIn g = standIn(new GitLabStandIn("acme/platform"));
        GitLabIssues client = gitlab(g);
        TrackerIssue issue = client.create(draft("42", 1));

        assertThat(issue).isEqualTo(new TrackerIssue("gitlab", "14#1", "https://gitlab.example.com/acme/platform/-/issues/1"));
        assertThat(g.calls().get(0).rawPath()).isEqualTo("/api/v4/projects/acme%2Fplatform/issues");
        JsonNode sent = g.issue(1).created;
        assertThat(sent.path("labels").asText()).isEqualTo("incident,follow-up");
        assertThat(sent.path("due_date").asText()).isEqualTo("2026-12-20");
        assertThat(sent.path("assignee_ids").get(0).asLong()).isEqualTo(42);
        assertThat(sent.path("description").asText()).contains("incident 42: Checkout fails for EU cards");

        client.close(issue.key(), true, "Done in Slack by Dana");
        assertThat(g.issue(1).state).isEqualTo("closed");
        assertThat(g.issue(1).notes).containsExactly("Done in Slack by Dana");
        client.reopen(issue.key(), "Reopened");
        assertThat(g.issue(1).state).isEqualTo("opened");
        assertThat(g.violations()).isEmpty();

        GitLabIssues named = new GitLabIssues(new TrackerSettings.GitLab(g.url(), GitLabStandIn.TOKEN, "acme/platform"),
                List.of(), HTTP, CLOCK);
        assertThat(named.create(draft("not-a-number", null)).key()).isEqualTo("14#2");
        assertThat(g.issue(2).created.has("assignee_ids")).as("a GitLab assignee must be a numeric user ID").isFalse();
    }

    @Test
    void gitLabRefusalsCarryItsMessage() {
        GitLabStandIn g = standIn(new GitLabStandIn("acme/elsewhere"));
        TrackerException e = catchThrowableOfType(() -> gitlab(g).create(draft(null, null)), TrackerException.class);
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).isEqualTo("GitLab 404: 404 Project Not Found");
    }

    @Test
    void gitLabAndGitHubFindAnIssueByItsFollowUpMarker() {
        GitLabStandIn g = standIn(new GitLabStandIn("acme/platform"));
        GitLabIssues client = gitlab(g);
        assertThat(client.findCreated(draft(null, null))).isEmpty();
        client.create(draft(null, null));
        assertThat(client.findCreated(draft(null, null))).contains(new TrackerIssue("gitlab", "14#1",
                "https://gitlab.example.com/acme/platform/-/issues/1"));
        IssueDraft other = new IssueDraft(18, "x", 42, "t", "SEV2", null, null, "a", null, null, null, null);
        assertThat(client.findCreated(other)).isEmpty();

        GitHubIssuesStandIn gh = standIn(new GitHubIssuesStandIn("Acme/ops"));
        github(gh).create(draft(null, null));
        assertThat(github(gh).findCreated(draft(null, null))).map(TrackerIssue::key).contains("acme/ops#1");
        assertThat(github(gh).findCreated(other)).isEmpty();
        assertThat(gh.violations()).isEmpty();
        assertThat(g.violations()).isEmpty();
    }
}
