package io.incidentbot.pager.oncall;

import io.incidentbot.pager.PagerKind;
import io.incidentbot.pager.Page;
import io.incidentbot.slack.interactions.InteractionPayloads;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 21, "Escalation in Slack, for teams with no pager", through the running bot with an on-call file and no
 * external pager: a SEV1 declare makes the periodic check direct-message step 1's on-call with <b>Acknowledge</b>
 * and <b>Join channel</b> buttons; Acknowledge stops the escalation, posts the line and invites the acknowledger;
 * Join invites the clicker; {@code /incident oncall} names who is on call.
 */
class SlackEscalationEndToEndTest {
    @TempDir
    Path dir;
    SlackStandIn slack;
    RunningBot bot;

    @BeforeEach
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
                    minutes: 10
                  - users: [U0BACKUP1]
                    minutes: 10
                """);
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("INCIDENT_ONCALL_FILE", oncall.toString());
        bot = RunningBot.start(slack, env);
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        slack.close();
    }

    private SlackStandIn.Call dmTo(String user) {
        return slack.calls("chat.postMessage").stream().filter(c -> user.equals(c.arg("channel"))).findFirst().orElse(null);
    }

    private boolean invited(String user) {
        return slack.calls("conversations.invite").stream().anyMatch(c -> user.equals(c.arg("users")));
    }

    @Test
    void stepOneIsMessagedAndItsAcknowledgeStopsTheEscalationAndInvitesTheAcknowledger() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "U0ALICE01");
        await().atMost(Duration.ofSeconds(30)).until(() -> dmTo("U0ONCALL1") != null);
        SlackStandIn.Call dm = dmTo("U0ONCALL1");
        assertThat(dm.arg("text")).contains("*SEV1* incident " + inc.number + ": *Checkout down*").contains("<#" + inc.id + ">");
        assertThat(dm.arg("blocks")).contains(EscalationDms.ACKNOWLEDGE, EscalationDms.JOIN, "Acknowledge", "Join channel");
        assertThat(dmTo("U0BACKUP1")).as("step 2 waits its 10 minutes").isNull();

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
}
