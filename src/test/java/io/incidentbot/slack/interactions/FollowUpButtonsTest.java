package io.incidentbot.slack.interactions;

import io.incidentbot.hooks.GitHubSignature;
import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.testkit.GitHubIssuesStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.FollowUpStateChange;
import io.incidentbot.trackers.TrackerLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.buttonClick;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's follow-up buttons through the running bot with GitHub as the tracker (manual export): the follow-up's
 * message carries Done / Won't do / Create issue; Create issue pressed twice makes one issue; Done and Reopen are
 * timeline entries and channel posts, recorded with who and when, and close / reopen the GitHub issue; a stale
 * close from GitHub (older than the reopen) does not win, a newer one does and is not sent back. Click payloads
 * as in Slack's "block_actions payload" reference ({@link InteractionPayloads}).
 */
class FollowUpButtonsTest {
    static final String SECRET = "github-secret-for-tests";
    @TempDir
    Path dir;

    static Map<String, String> env(SlackStandIn slack, Path db, GitHubIssuesStandIn github) {
        Map<String, String> env = new HashMap<>(RunningBot.env(slack, db));
        env.put("INCIDENT_FOLLOWUP_GITHUB_REPO", "Codertocat/Hello-World");
        env.put("GITHUB_TOKEN", GitHubIssuesStandIn.TOKEN);
        env.put("GITHUB_API_URL", github.url());
        env.put("GITHUB_WEBHOOK_SECRET", SECRET);
        return env;
    }

    static FollowUpRecord followUp(RunningBot bot, long id) {
        return bot.bot.storage().read(r -> r.trackers().find(id)).orElseThrow();
    }

    static HttpResponse<String> click(RunningBot bot, SlackStandIn slack, Incident i, String action, long followUp) {
        return bot.client.interactivity(buttonClick("UALICE001", i.channelId(), "1712345678.000100", action,
                String.valueOf(followUp), slack.url("/response/UALICE001")));
    }

    static int githubClose(RunningBot bot, Instant updatedAt, String delivery) throws Exception {
        String json = new String(FollowUpButtonsTest.class.getResourceAsStream("/trackers/github-issues-closed-completed.json")
                .readAllBytes(), StandardCharsets.UTF_8).replace("2021-10-11T16:40:56Z", updatedAt.toString());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + bot.bot.port() + "/hooks/github"))
                .header("X-GitHub-Event", "issues").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", GitHubSignature.sign(body, SECRET.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static List<String> posts(SlackStandIn slack, String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> c.arg("text")).toList();
    }

    /** @return the {@code ts} of the follow-up's own message in the channel */
    static String messageTs(SlackStandIn slack, String channel) {
        return slack.messages(channel).stream().filter(m -> String.valueOf(m.get("text")).contains("Follow-up recorded"))
                .map(m -> String.valueOf(m.get("ts"))).findFirst().orElseThrow();
    }

    /** Waits for the {@code chat.update} of message {@code ts} whose text contains {@code text}, and returns it. */
    static SlackStandIn.Call awaitEdit(SlackStandIn slack, String channel, String ts, String text) {
        java.util.function.Supplier<java.util.Optional<SlackStandIn.Call>> edit = () -> slack.calls("chat.update").stream()
                .filter(c -> channel.equals(c.arg("channel")) && ts.equals(c.arg("ts")) && c.arg("text").contains(text))
                .findFirst();
        await("the follow-up's message edited: " + text, 20, () -> edit.get().isPresent());
        return edit.get().orElseThrow();
    }

    @Test
    void buttonsCloseReopenAndExportOnceAndTheIssueFollowsWithoutStaleClosesWinning() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); GitHubIssuesStandIn github = new GitHubIssuesStandIn("Codertocat/Hello-World");
             RunningBot bot = RunningBot.start(slack, env(slack, dir.resolve("b.db"), github))) {
            Incident inc = FollowUpListsTest.declared(bot, "declare sev2 Checkout slow", 1);
            bot.client.command("action add an alert on queue depth <@UBOB00001>", "UALICE001", inc.channelId());
            long id = bot.bot.storage().read(r -> r.trackers().list(1)).get(0).id();

            await("the follow-up's message", 20, () -> slack.calls("chat.postMessage").stream()
                    .anyMatch(c -> c.arg("text") != null && c.arg("text").contains("Follow-up recorded")
                            && c.arg("blocks") != null && c.arg("blocks").contains(FollowUpPosts.DONE)));
            String blocks = slack.calls("chat.postMessage").stream().filter(c -> c.arg("text").contains("Follow-up recorded"))
                    .findFirst().orElseThrow().arg("blocks");
            assertThat(blocks).contains(FollowUpPosts.DONE, FollowUpPosts.WONT_DO, FollowUpPosts.CREATE_ISSUE,
                    "\"Done\"", "\"Won\\u0027t do\"", "\"Create issue\"", "\"value\":\"" + id + "\"");

            // Create issue pressed twice: one issue
            assertThat(click(bot, slack, inc, FollowUpPosts.CREATE_ISSUE, id).statusCode()).isEqualTo(200);
            assertThat(click(bot, slack, inc, FollowUpPosts.CREATE_ISSUE, id).statusCode()).isEqualTo(200);
            await("the issue", 20, () -> followUp(bot, id).link() != null
                    && followUp(bot, id).link().status() == TrackerLink.Status.CREATED);
            await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
            assertThat(github.issues()).hasSize(1);

            // Done: recorded with who and when, a timeline entry and a post, and the issue is closed with a comment
            assertThat(click(bot, slack, inc, FollowUpPosts.DONE, id).statusCode()).isEqualTo(200);
            FollowUpRecord done = followUp(bot, id);
            assertThat(done.state()).isEqualTo(FollowUpState.DONE);
            assertThat(done.closedBy()).isEqualTo("UALICE001");
            assertThat(done.source()).isEqualTo("slack");
            await("the issue closed", 20, () -> "closed".equals(github.issue(1).state));
            assertThat(github.issue(1).stateReason).isEqualTo("completed");
            assertThat(github.issue(1).comments).anyMatch(c -> c.contains("Marked done in Slack"));
            assertThat(bot.bot.storage().read(r -> r.timeline().list(1)).stream()
                    .filter(e -> e.kind() == EntryKind.FOLLOW_UP).map(TimelineEntry::text))
                    .anyMatch(t -> t.startsWith("Follow-up done (@{UALICE001}): add an alert on queue depth"));
            await("the post", 20, () -> posts(slack, inc.channelId()).stream()
                    .anyMatch(t -> t.contains(":white_check_mark: Follow-up done (<@UALICE001>): add an alert")));
            await("the answer", 20, () -> slack.calls().stream().anyMatch(c -> c.method().startsWith("response_url")
                    && String.valueOf(c.args()).contains("Follow-up marked done")
                    && String.valueOf(c.args()).contains(FollowUpPosts.REOPEN)));

            // the follow-up's own message now shows its state, who, when and the issue, with Reopen only
            String ts = messageTs(slack, inc.channelId());
            SlackStandIn.Call doneEdit = awaitEdit(slack, inc.channelId(), ts, ":white_check_mark: *Done*");
            assertThat(doneEdit.arg("text")).startsWith(":clipboard: Follow-up recorded by <@UALICE001>: add an alert")
                    .contains("<@UALICE001>", "<!date^", "<" + followUp(bot, id).link().url() + "|");
            assertThat(doneEdit.arg("blocks")).contains(FollowUpPosts.REOPEN).doesNotContain(FollowUpPosts.DONE,
                    FollowUpPosts.CREATE_ISSUE);

            // Reopen from Slack reopens the issue
            assertThat(click(bot, slack, inc, FollowUpPosts.REOPEN, id).statusCode()).isEqualTo(200);
            assertThat(followUp(bot, id).state()).isEqualTo(FollowUpState.OPEN);
            await("the issue reopened", 20, () -> "open".equals(github.issue(1).state));
            SlackStandIn.Call reopenEdit = awaitEdit(slack, inc.channelId(), ts, ":arrows_counterclockwise: *Reopened*");
            assertThat(reopenEdit.arg("blocks")).contains(FollowUpPosts.DONE, FollowUpPosts.WONT_DO)
                    .as("the issue exists: nothing to create").doesNotContain(FollowUpPosts.CREATE_ISSUE, FollowUpPosts.REOPEN);
            await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);

            // A close GitHub made before that reopen, delivered late, does not win
            assertThat(githubClose(bot, Instant.now().minusSeconds(3600), "late-1")).isEqualTo(200);
            assertThat(followUp(bot, id).state()).isEqualTo(FollowUpState.OPEN);
            // a newer one does, and is not sent back to GitHub
            int patches = github.calls("PATCH", ".*").size();
            assertThat(githubClose(bot, Instant.now().plusSeconds(5), "new-1")).isEqualTo(200);
            FollowUpRecord closed = followUp(bot, id);
            assertThat(closed.state()).isEqualTo(FollowUpState.DONE);
            assertThat(closed.closedBy()).isEqualTo("github:Codertocat");
            await("the tracker's close posted", 20, () -> posts(slack, inc.channelId()).stream()
                    .anyMatch(t -> t.contains("Follow-up done (`github:Codertocat` in the tracker)")));
            awaitEdit(slack, inc.channelId(), ts, "*Done* · `github:Codertocat` in the tracker");
            await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
            assertThat(github.calls("PATCH", ".*")).hasSize(patches);

            List<FollowUpStateChange> history = bot.bot.storage().read(r -> r.trackers().history(id));
            assertThat(history).extracting(FollowUpStateChange::state, FollowUpStateChange::by, FollowUpStateChange::source)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(FollowUpState.DONE, "UALICE001", "slack"),
                            org.assertj.core.groups.Tuple.tuple(FollowUpState.OPEN, "UALICE001", "slack"),
                            org.assertj.core.groups.Tuple.tuple(FollowUpState.DONE, "github:Codertocat", "tracker"));


            // the command does what the buttons do, and the message follows
            assertThat(FollowUpListsTest.say(bot, "followups wontdo " + id, "UALICE001", inc.channelId()))
                    .startsWith("Follow-up #" + id + " is now won't do: add an alert");
            assertThat(followUp(bot, id).state()).isEqualTo(FollowUpState.WONT_DO);
            assertThat(awaitEdit(slack, inc.channelId(), ts, ":no_entry_sign: *Won't do* · <@UALICE001>").arg("blocks"))
                    .contains(FollowUpPosts.REOPEN);
            assertThat(FollowUpListsTest.say(bot, "followups wontdo " + id, "UALICE001", inc.channelId())).contains("already");
            assertThat(FollowUpListsTest.say(bot, "followups done", "UALICE001", inc.channelId()))
                    .contains("followups done|wontdo|reopen <follow-up id>");
            assertThat(github.violations()).isEmpty();
        }
    }

    @Test
    void theAddFollowUpModalTakesOwnerDueDateAndPriority() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); GitHubIssuesStandIn github = new GitHubIssuesStandIn("Codertocat/Hello-World");
             RunningBot bot = RunningBot.start(slack, env(slack, dir.resolve("m.db"), github))) {
            FollowUpListsTest.declared(bot, "declare sev2 Checkout slow", 1);
            Map<String, Object> values = new HashMap<>(text(Modals.TEXT, "rotate the keys"));
            values.putAll(InteractionPayloads.userSelect(Modals.OWNER, "UBOB00001"));
            values.putAll(InteractionPayloads.select(Modals.PRIORITY, "2"));

            // a due date in the past is refused in the form, and nothing is recorded
            String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
            values.put(Modals.DUE, Map.of(Modals.DUE, Map.of("type", "datepicker", "selected_date", yesterday)));
            HttpResponse<String> refused = bot.client.interactivity(submission("UALICE001", Modals.FOLLOW_UP, "1", values));
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("\"response_action\":\"errors\"", "\"" + Modals.DUE + "\"",
                    "The due date " + yesterday + " is in the past");
            List<FollowUpRecord> none = bot.bot.storage().read(r -> r.trackers().list(1));
            assertThat(none).isEmpty();

            values.put(Modals.DUE, Map.of(Modals.DUE, Map.of("type", "datepicker", "selected_date", "2099-12-20")));
            assertThat(bot.client.interactivity(submission("UALICE001", Modals.FOLLOW_UP, "1", values)).statusCode())
                    .isEqualTo(200);
            FollowUpRecord f = bot.bot.storage().read(r -> r.trackers().list(1)).get(0);
            assertThat(f.text()).isEqualTo("rotate the keys");
            assertThat(f.ownerId()).isEqualTo("UBOB00001");
            assertThat(f.due()).isEqualTo(LocalDate.of(2099, 12, 20));
            assertThat(f.priority()).isEqualTo(2);
        }
    }
}
