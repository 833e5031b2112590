package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "Noise": 15 bot posts against 5 human messages. One post per human action at most: the Status form
 * with update text gives one channel message (it gave two), the Resolve form with two follow-ups one message
 * holding the resolution, the follow-ups with no owner and the draft link (it gave four), besides the draft's
 * file upload. Header edits ({@code chat.update}) and the topic are not posts.
 */
class NoiseTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() {
        bot = kit.bot();
    }

    private Incident incident() {
        return bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    private void drained() {
        await("outbox drained", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    /** @return the {@code chat.postMessage} texts into the incident channel, the header excepted */
    private List<String> posts(Incident i) {
        return slack.calls("chat.postMessage").stream().filter(c -> i.channelId().equals(c.arg("channel")))
                .filter(c -> c.arg("blocks") == null || !c.arg("blocks").contains(Header.ACTIONS_BLOCK))
                .map(c -> c.arg("text")).toList();
    }

    private void submit(String callbackId, Map<String, Object> values) {
        HttpResponse<String> r = bot.client.interactivity(submission("UALICE001", callbackId, "1", values));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("errors");
    }

    @Test
    void aStatusFormWithTextAndAResolveFormWithFollowUpsPostOneMessageEach() {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        await("the header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        drained();
        Incident inc = incident();
        int before = posts(inc).size();

        Map<String, Object> status = new HashMap<>(select(Modals.STATUS_SELECT, "IDENTIFIED"));
        status.putAll(text(Modals.TEXT, "Rolled back the 14:02 deploy"));
        submit(Modals.STATUS, status);
        drained();
        List<String> afterStatus = posts(inc).subList(before, posts(inc).size());
        assertThat(afterStatus).hasSize(1);
        assertThat(afterStatus.get(0)).contains("changed status: investigating → identified",
                "Status update from <@UALICE001>: Rolled back the 14:02 deploy");
        assertThat(slack.calls("chat.update")).as("the header follows in place").isNotEmpty();

        Map<String, Object> resolve = new HashMap<>(text(Modals.SUMMARY, "Bad deploy, rolled back"));
        resolve.putAll(text(Modals.FOLLOW_UPS, "add a canary stage\nalert on checkout 5xx"));
        submit(Modals.RESOLVE, resolve);
        drained();
        List<String> afterResolve = posts(inc).subList(before + 1, posts(inc).size());
        assertThat(afterResolve).hasSize(1);
        assertThat(afterResolve.get(0)).contains("changed status: identified → resolved",
                "*Resolution:* Bad deploy, rolled back", "no owner yet", "• add a canary stage",
                "• alert on checkout 5xx", "*Postmortem draft:* <https://acme.slack.com/files/")
                .doesNotContain("Follow-up recorded");
        assertThat(slack.calls("files.completeUploadExternal")).as("the draft's upload stays").hasSize(1);
        List<io.incidentbot.incident.FollowUp> followUps = bot.bot.storage().read(r -> r.followUps().list(1));
        assertThat(followUps).hasSize(2);
    }
}
