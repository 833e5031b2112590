package io.incidentbot.pager.oncall;

import io.incidentbot.pager.PagerKind;
import io.incidentbot.pager.Page;
import io.incidentbot.slack.interactions.InteractionPayloads;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, "Escalation in Slack, for teams with no pager", through the running bot with an on-call file and no
 * external pager: after a SEV1 declare the escalation check (run by the test at the moments it chooses, as the bot
 * runs it every 10 s) direct-messages step 1's on-call with <b>Acknowledge</b>
 * and <b>Join channel</b> buttons; Acknowledge stops the escalation, posts the line and invites the acknowledger;
 * Join invites the clicker; {@code /incident oncall} names who is on call. Without an acknowledgement within step 1's
 * minute (on the bot's clock, which the test moves) step 2 is messaged; resolving withdraws the messages sent
 * ({@code chat.update}: "Resolved by @user, no action needed", no buttons) and cancels the next step; acknowledging
 * withdraws them likewise ("Acknowledged by @user"). One bot for the class, a new incident per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SlackEscalationEndToEndTest {
    @TempDir
    static Path dir;
    SlackStandIn slack;
    RunningBot bot;
    /** The bot's clock: it moves only when a test advances it (by at most 1 minute: signed requests allow 5). */
    final TestClock clock = new TestClock(Instant.now());

    @BeforeAll
    void start() throws Exception {
        slack = new SlackStandIn();
        Path oncall = dir.resolve("oncall.yml");
        Files.writeString(oncall, """
                rotations:
                  - name: primary
                    users: [U0ONCALL1]
                    handoff: "09:00"
                    timezone: UTC
                    period: weekly
                escalation:
                  - rotation: primary
                    minutes: 1
                  - users: [U0BACKUP1]
                    minutes: 10
                """);
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("INCIDENT_ONCALL_FILE", oncall.toString());
        // The test runs the escalation check itself (escalate()) instead of waiting for the periodic one (10 s):
        // each step is sent as soon as the clock is past it, and never before the incident's channel exists.
        bot = RunningBot.start(slack, env, Duration.ofHours(1), clock, Duration.ofHours(1));
    }

    @AfterAll
    void stop() throws Exception {
        bot.close();
        slack.close();
    }

    /** Runs the periodic escalation check now, as the bot does every 10 s. */
    private void escalate() {
        bot.bot.sendDueEscalations();
    }

    /** @return the escalation message to {@code user} about incident {@code n}, or null */
    private SlackStandIn.Call dmTo(String user, long n) {
        return dmsTo(user, n).stream().findFirst().orElse(null);
    }

    /** @return the escalation messages posted to {@code user} about incident {@code n} */
    private List<SlackStandIn.Call> dmsTo(String user, long n) {
        return slack.calls("chat.postMessage").stream().filter(c -> im(user).equals(c.arg("channel"))
                && c.arg("text") != null && c.arg("text").contains("incident " + n + ":")).toList();
    }

    /** @return the app's DM channel with {@code user}, as the stand-in's {@code conversations.open} names it */
    private static String im(String user) {
        return "D" + user.substring(1);
    }

    private boolean invited(String user) {
        return slack.calls("conversations.invite").stream().anyMatch(c -> user.equals(c.arg("users")));
    }

    @Test
    void stepOneIsMessagedAndItsAcknowledgeStopsTheEscalationAndInvitesTheAcknowledger() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        escalate();
        await().atMost(Duration.ofSeconds(30)).until(() -> dmTo("U0ONCALL1", inc.number) != null);
        SlackStandIn.Call dm = dmTo("U0ONCALL1", inc.number);
        assertThat(dm.arg("text")).contains("*SEV1* incident " + inc.number + ": *Checkout down*").contains("<#" + inc.id + ">");
        assertThat(dm.arg("blocks")).contains(EscalationDms.ACKNOWLEDGE, EscalationDms.JOIN, "Acknowledge", "Join channel");
        assertThat(dmTo("U0BACKUP1", inc.number)).as("step 2 waits step 1's minute").isNull();

        bot.client.interactivity(InteractionPayloads.buttonClick("U0ONCALL1", "D0ONCALL1", "1712345678.000100",
                EscalationDms.ACKNOWLEDGE, String.valueOf(inc.number), slack.url("/response/ack")));
        await().atMost(Duration.ofSeconds(30)).until(() -> invited("U0ONCALL1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(inc.id).stream()
                .anyMatch(m -> String.valueOf(m.get("text")).contains(":pager: Acknowledged by <@U0ONCALL1> (Slack)")));
        Page page = bot.bot.storage().read(r -> r.pages().find(inc.number, PagerKind.SLACK)).orElseThrow();
        assertThat(page.state()).isEqualTo(Page.State.ACKNOWLEDGED);
        java.util.Optional<io.incidentbot.store.EscalationRepository.Due> next =
                bot.bot.storage().read(r -> r.escalations().pending(inc.number));
        assertThat(next).as("no next step").isEmpty();
        assertThat(slack.calls("response_url/ack")).singleElement()
                .satisfies(c -> assertThat(c.args().toString()).contains("the escalation stopped for everyone"));
    }

    @Test
    void joinChannelInvitesTheClickerAndOncallNamesWhoIsOnCall() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        bot.client.interactivity(InteractionPayloads.buttonClick("U0BACKUP1", "D0BACKUP1", "1712345678.000200",
                EscalationDms.JOIN, String.valueOf(inc.number), slack.url("/response/join")));
        await().atMost(Duration.ofSeconds(30)).until(() -> invited("U0BACKUP1"));
        assertThat(bot.client.say("oncall", "U0BOB0001", "CGENERAL1")).contains("*primary*: <@U0ONCALL1> now");
    }

    /** Issue 21: "unacknowledged after the step's minutes, step 2 is messaged"; none after resolve, and the DMs say so. */
    @Test
    void withoutAnAcknowledgementStepTwoIsMessagedAndResolvingWithdrawsTheMessagesAndStopsTheEscalation() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Search down", "U0ALICE01");
        escalate();
        await().atMost(Duration.ofSeconds(30)).until(() -> dmTo("U0ONCALL1", inc.number) != null);
        assertThat(dmTo("U0BACKUP1", inc.number)).isNull();

        clock.advance(Duration.ofMinutes(1));
        escalate();
        await().atMost(Duration.ofSeconds(30)).until(() -> dmTo("U0BACKUP1", inc.number) != null);
        assertThat(dmTo("U0BACKUP1", inc.number).arg("text")).contains("step 2", "*SEV1* incident " + inc.number);
        assertThat(pending(inc.number)).as("the next pass is scheduled").isPresent();
        // Issue 21: every escalation step is a timeline entry and a line in the channel.
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(inc.id).stream()
                .anyMatch(m -> String.valueOf(m.get("text")).equals(":pager: Escalation step 2: messaged <@U0BACKUP1>")));
        assertThat(inc.entries(EntryKind.PAGE)).extracting(TimelineEntry::text)
                .containsExactly("Escalation step 1: messaged @{U0ONCALL1}", "Escalation step 2: messaged @{U0BACKUP1}");
        assertThat(slack.messages(inc.id)).filteredOn(m -> String.valueOf(m.get("text")).contains("Escalation step 1"))
                .extracting(m -> m.get("text")).containsExactly(":pager: Escalation step 1: messaged <@U0ONCALL1>");

        bot.client.say("resolve Reindexed", "U0ALICE01", inc.id);
        await().atMost(Duration.ofSeconds(30)).until(() -> withdrawn("U0ONCALL1", inc.number) && withdrawn("U0BACKUP1", inc.number));
        assertThat(slack.calls("chat.update").stream().filter(c -> c.arg("channel").startsWith("D0")
                && c.arg("text").contains("incident " + inc.number + ":")))
                .hasSize(2).allSatisfy(c -> {
                    assertThat(c.arg("text")).contains("Resolved by <@U0ALICE01>, no action needed", "incident " + inc.number);
                    assertThat(c.arg("blocks")).doesNotContain(EscalationDms.ACKNOWLEDGE, EscalationDms.JOIN);
                });
        assertThat(pending(inc.number)).as("no step after resolve").isEmpty();
    }

    /**
     * Issue 21: a direct message whose answer was lost is not sent twice (the retry finds it in the DM's history by its
     * metadata); acknowledging withdraws the escalation's direct messages, as resolving does, and stops it.
     */
    @Test
    @org.junit.jupiter.api.Order(1) // first: the retry's history check reads from the job's time, which must not be
                                    // ahead of the stand-in's real-time ts (later tests move the bot's clock ahead)
    void aLostAnswerDoesNotMessageTwiceAndAcknowledgingInStepTwoWithdrawsEveryMessageSent() {
        slack.loseNextAnswer("chat.postMessage", c -> im("U0ONCALL1").equals(c.arg("channel"))
                && String.valueOf(c.arg("text")).contains("Payments down"));
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Payments down", "U0ALICE01");
        escalate();
        // The retry's backoff runs on the bot's clock: move it on, at half the pace of real time, while waiting.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(Duration.ofMillis(50));
            return bot.bot.storage().read(r -> r.outbox().lastSent(inc.number, EscalationDm.SENT)).isPresent();
        });
        assertThat(dmsTo("U0ONCALL1", inc.number)).as("one post, its answer lost; the retry found it").hasSize(1);
        assertThat(slack.messages(im("U0ONCALL1")).stream().filter(m -> String.valueOf(m.get("text")).contains("Payments down")))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !inc.entries(EntryKind.PAGE).isEmpty());
        assertThat(inc.entries(EntryKind.PAGE)).as("one entry though the job ran twice").extracting(TimelineEntry::text)
                .containsExactly("Escalation step 1: messaged @{U0ONCALL1}");
        clock.advance(Duration.ofMinutes(1));
        escalate();
        await().atMost(Duration.ofSeconds(30)).until(() -> dmTo("U0BACKUP1", inc.number) != null);

        bot.client.interactivity(InteractionPayloads.buttonClick("U0BACKUP1", "D0BACKUP1", "1712345678.000300",
                EscalationDms.ACKNOWLEDGE, String.valueOf(inc.number), slack.url("/response/ack2")));
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.calls("chat.update").stream()
                .filter(c -> c.arg("channel").startsWith("D0") && c.arg("text").contains("incident " + inc.number + ":"))
                .count() == 2);
        assertThat(slack.calls("chat.update").stream().filter(c -> c.arg("channel").startsWith("D0")
                && c.arg("text").contains("incident " + inc.number + ":"))).allSatisfy(c -> {
                    assertThat(c.arg("text")).contains("Acknowledged by <@U0BACKUP1>, no action needed");
                    assertThat(c.arg("blocks")).doesNotContain(EscalationDms.ACKNOWLEDGE, EscalationDms.JOIN);
                }).extracting(c -> c.arg("channel")).containsExactlyInAnyOrder(im("U0ONCALL1"), im("U0BACKUP1"));
        assertThat(pending(inc.number)).as("no step after the acknowledgement").isEmpty();
    }

    private java.util.Optional<io.incidentbot.store.EscalationRepository.Due> pending(long n) {
        return bot.bot.storage().read(r -> r.escalations().pending(n));
    }

    private boolean withdrawn(String user, long n) {
        return slack.calls("chat.update").stream().anyMatch(c -> im(user).equals(c.arg("channel"))
                && c.arg("text").contains("no action needed") && c.arg("text").contains("incident " + n + ":"));
    }
}
