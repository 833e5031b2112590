package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.FollowUpPosts;
import io.incidentbot.testkit.GitHubIssuesStandIn;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.TrackerLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's lists through the running bot: {@code /incident followups [open|mine|<n>]} (state, owner, due with
 * "overdue", priority, tracker link; a private incident's follow-ups only to who may see it), {@code followups retry
 * <id>} creating a refused issue again, the App Home's "Your open follow-ups", and the overdue follow-up's reminder
 * DM to its owner, whose Done button works from the DM.
 */
class FollowUpListsTest {
    /** The app's DM with Bob, as the Slack stand-in answers {@code conversations.open}. */
    private static final String BOB_DM = "DBOB00001";

    @TempDir
    Path dir;

    static String say(RunningBot bot, String text, String user, String channel) {
        return SignedClient.text(bot.client.command(text, user, channel));
    }

    static Incident declared(RunningBot bot, String command, long n) {
        bot.client.command(command, "UALICE001", "CGENERAL1");
        await("incident " + n, 20, () -> bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow().headerTs() != null);
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    @Test
    void followUpsAreListedWithStateOwnerDueAndLinkAndARefusedIssueIsRetried() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); GitHubIssuesStandIn github = new GitHubIssuesStandIn("Codertocat/Hello-World");
             RunningBot bot = RunningBot.start(slack, FollowUpButtonsTest.env(slack, dir.resolve("l.db"), github))) {
            slack.loseNextAnswer("chat.postMessage", BOB_DM);
            Incident one = declared(bot, "declare sev2 Checkout slow", 1);
            bot.client.interactivity(InteractionPayloads.submission("UALICE001", io.incidentbot.slack.interactions.DeclareModal.CALLBACK_ID, "",
                    Map.of("title", InteractionPayloads.text("title", "Payroll leak").get("title"),
                            "severity", InteractionPayloads.select("severity", "SEV1").get("severity"),
                            "private", Map.of("private", Map.of("type", "checkboxes", "selected_options", java.util.List.of(
                                    Map.of("value", "private", "text", Map.of("type", "plain_text", "text", "Private"))))))));
            await("the private incident", 20, () -> bot.bot.storage().read(r -> r.incidents().find(2))
                    .map(i -> i.headerTs() != null).orElse(false));
            Incident secret = bot.bot.storage().read(r -> r.incidents().find(2)).orElseThrow();
            assertThat(secret.privateIncident()).isTrue();
            say(bot, "action add an alert on queue depth <@UBOB00001> p1", "UALICE001", one.channelId());
            say(bot, "action write the runbook", "UALICE001", one.channelId());
            say(bot, "action rotate the payroll keys <@UBOB00001>", "UALICE001", secret.channelId());
            long alert = bot.bot.storage().read(r -> r.trackers().list(1)).get(0).id();
            long runbook = bot.bot.storage().read(r -> r.trackers().list(1)).get(1).id();
            bot.bot.storage().run(r -> r.trackers().plan(alert, LocalDate.of(2020, 1, 31), 1));
            bot.bot.storage().run(r -> {
                r.trackers().claimExport(runbook, "github", "UALICE001", Instant.now());
                r.trackers().exportFailed(runbook, "github answered 404: Not Found", Instant.now());
            });

            String here = say(bot, "followups", "UALICE001", one.channelId());
            assertThat(here).contains("Follow-ups of incident 1* (2)", "#" + alert + " (incident 1) add an alert on queue depth",
                    "open · <@UBOB00001> · due 2020-01-31 *overdue* · P1", "github refused: github answered 404: Not Found",
                    "followups retry " + runbook);
            // Bob owns one follow-up of each, but is not (yet) a member of the private incident's channel
            assertThat(say(bot, "followups mine", "UBOB00001", "CGENERAL1"))
                    .contains("Your open follow-ups* (1)", "add an alert").doesNotContain("payroll", "runbook");
            assertThat(say(bot, "followups open", "UALICE001", "CGENERAL1"))
                    .contains("add an alert", "write the runbook", "rotate the payroll keys");
            assertThat(say(bot, "followups open", "UCAROL001", "CGENERAL1"))
                    .contains("add an alert").doesNotContain("payroll");
            assertThat(say(bot, "followups 2", "UCAROL001", "CGENERAL1")).contains("no incident 2 you can see");

            assertThat(say(bot, "followups retry " + runbook, "UALICE001", one.channelId())).contains("again");
            await("the issue", 20, () -> bot.bot.storage().read(r -> r.trackers().find(runbook)).orElseThrow().link().status()
                    == TrackerLink.Status.CREATED);
            assertThat(github.issues()).hasSize(1);
            assertThat(say(bot, "followups 1", "UALICE001", "CGENERAL1")).contains("|codertocat/hello-world#1>");

            assertThat(bot.client.event(InteractionPayloads.homeOpened("UBOB00001", "Ev0HOMEFU01"), Map.of()).statusCode())
                    .isEqualTo(200);
            await("views.publish", 20, () -> slack.calls("views.publish").stream()
                    .anyMatch(c -> c.arg("view").contains("Your open follow-ups")));
            String view = slack.calls("views.publish").stream().map(c -> c.arg("view"))
                    .filter(v -> v.contains("Your open follow-ups")).findFirst().orElseThrow();
            assertThat(view).contains("add an alert on queue depth", "due 2020-01-31 *overdue*").doesNotContain("runbook", "payroll");

            // The overdue follow-up reminds its owner by DM (INCIDENT_FOLLOWUP_REMIND's default, 7 days), once, even
            // though Slack's answer to the first post was lost (set up at the start); its Done button works from the DM
            await("the overdue reminder DM, looked for after the lost answer", 20, () -> slack.calls("conversations.history")
                    .stream().anyMatch(c -> BOB_DM.equals(c.arg("channel"))));
            List<SlackStandIn.Call> dms = slack.calls("chat.postMessage").stream()
                    .filter(c -> BOB_DM.equals(c.arg("channel"))).toList();
            assertThat(dms).hasSize(1);
            assertThat(slack.messages(BOB_DM)).as("one DM arrived").hasSize(1);
            assertThat(dms.get(0).arg("text")).contains("Your follow-up is overdue", "every 7 days", "add an alert on queue depth",
                    "due 2020-01-31 *overdue*");
            assertThat(dms.get(0).arg("blocks")).contains(FollowUpPosts.DONE, FollowUpPosts.WONT_DO, "\"value\":\"" + alert + "\"");
            assertThat(bot.client.interactivity(InteractionPayloads.buttonClick("UBOB00001", "D0BOBDM01", "1712345679.000100",
                    FollowUpPosts.DONE, String.valueOf(alert), slack.url("/response/UBOB00001"))).statusCode()).isEqualTo(200);
            assertThat(bot.bot.storage().read(r -> r.trackers().find(alert)).orElseThrow().state()).isEqualTo(FollowUpState.DONE);
            assertThat(slack.calls("chat.postMessage").stream().filter(c -> BOB_DM.equals(c.arg("channel"))))
                    .as("no second reminder").hasSize(1);
        }
    }
}
