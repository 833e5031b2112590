package io.incidentbot.trackers;

import io.incidentbot.hooks.GitHubSignature;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.GitHubIssuesStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the running bot: with {@code INCIDENT_FOLLOWUP_EXPORT=auto}, {@code /incident action} creates one GitHub
 * issue with the owner assigned, the follow-up's message is edited to link it, and closing the issue on GitHub closes the
 * follow-up; a 401 is shown on the follow-up's message with GitHub's error, and {@code followups retry} makes the
 * issue then.
 */
class TrackerEndToEndTest {
    @TempDir
    Path dir;

    private static Incident incident(RunningBot bot) {
        return bot.bot.storage().read(r -> r.incidents().listAll()).get(0);
    }

    @Test
    void anActionBecomesOneGitHubIssueAndItsCloseComesBack() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); GitHubIssuesStandIn github = new GitHubIssuesStandIn("Codertocat/Hello-World")) {
            Map<String, String> env = RunningBot.env(slack, dir.resolve("t.db"));
            env.put("INCIDENT_FOLLOWUP_GITHUB_REPO", "Codertocat/Hello-World");
            env.put("GITHUB_TOKEN", GitHubIssuesStandIn.TOKEN);
            env.put("GITHUB_API_URL", github.url());
            env.put("INCIDENT_FOLLOWUP_EXPORT", "auto");
            env.put("INCIDENT_USER_MAP", "UBOB00001=octocat");
            env.put("GITHUB_WEBHOOK_SECRET", "github-secret-for-tests");
            try (RunningBot bot = RunningBot.start(slack, env)) {
                bot.client.command("declare sev2 Checkout slow", "UALICE001", "CGENERAL1");
                await("channel", 20, () -> incident(bot).channelId() != null);
                String channel = incident(bot).channelId();
                assertThat(bot.client.command("action add an alert on queue depth <@UBOB00001> due 2099-12-20 p2", "UALICE001", channel)
                        .statusCode()).isEqualTo(200);

                await("the issue", 20, () -> github.issues().size() == 1);
                GitHubIssuesStandIn.Issue issue = github.issue(1);
                assertThat(issue.title).isEqualTo("add an alert on queue depth");
                assertThat(issue.assignees).containsExactly("octocat");
                assertThat(issue.body).contains("incident 1: Checkout slow", "(SEV2)", "Due: 2099-12-20", "Priority: P2");
                long followUp = bot.bot.storage().read(r -> r.trackers().list(1)).get(0).id();
                await("the link", 20, () -> bot.bot.storage().read(r -> r.trackers().find(followUp)).orElseThrow().link()
                        .status() == TrackerLink.Status.CREATED);
                // the follow-up's own message shows the link at once, before any state change (issue 22)
                await("the message edited with the link", 20, () -> slack.calls("chat.update").stream().anyMatch(c ->
                        String.valueOf(c.arg("text")).contains("https://github.com/Codertocat/Hello-World/issues/1")));

                byte[] body = TrackerWebhooksTest.class.getResourceAsStream("/trackers/github-issues-closed-completed.json")
                        .readAllBytes();
                HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + bot.bot.port() + "/hooks/github"))
                        .header("X-GitHub-Event", "issues").header("X-GitHub-Delivery", "e2e-1")
                        .header("X-Hub-Signature-256", GitHubSignature.sign(body, "github-secret-for-tests".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(hook.statusCode()).isEqualTo(200);
                FollowUpRecord closed = bot.bot.storage().read(r -> r.trackers().find(followUp)).orElseThrow();
                assertThat(closed.state()).isEqualTo(FollowUpState.DONE);
                assertThat(closed.source()).isEqualTo("tracker");
                assertThat(github.issues()).hasSize(1);

                // GitHub refuses the next issue for good (401): the follow-up's own message shows the tracker's
                // error and how to ask again, and the retry makes the issue (issue 22)
                github.failNext(401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
                bot.client.command("action write the runbook", "UALICE001", channel);
                await("the refusal", 20, () -> bot.bot.storage().read(r -> r.trackers().list(1)).stream()
                        .anyMatch(f -> f.link() != null && f.link().status() == TrackerLink.Status.FAILED));
                long refused = bot.bot.storage().read(r -> r.trackers().list(1)).stream()
                        .filter(f -> f.text().equals("write the runbook")).findFirst().orElseThrow().id();
                java.util.function.Predicate<SlackStandIn.Call> refusal = c -> String.valueOf(c.arg("text")).contains("write the runbook")
                        && String.valueOf(c.arg("text")).contains("GitHub 401: Bad credentials");
                await("the message edited with the refusal", 20, () -> slack.calls("chat.update").stream().anyMatch(refusal));
                SlackStandIn.Call shown = slack.calls("chat.update").stream().filter(refusal).findFirst().orElseThrow();
                assertThat(shown.arg("text")).contains("github refused", "`/incident followups retry " + refused + "`");
                assertThat(shown.arg("blocks")).contains(io.incidentbot.slack.render.FollowUpPosts.CREATE_ISSUE);
                bot.client.command("followups retry " + refused, "UALICE001", channel);
                await("the retried issue", 20, () -> github.issues().size() == 2);
                await("the message edited with its link", 20, () -> slack.calls("chat.update").stream().anyMatch(c ->
                        String.valueOf(c.arg("text")).contains("https://github.com/Codertocat/Hello-World/issues/2")
                                && String.valueOf(c.arg("text")).contains("write the runbook")));
                assertThat(github.violations()).isEmpty();
            }
        }
    }
}
