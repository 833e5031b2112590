package io.incidentbot.slack;

import io.incidentbot.store.OutboxRepository;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The postmortem draft delivered to Slack: filesUploadV2's three calls, the message, the canvas. */
class PostmortemDeliveryTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension(standIn -> {
        standIn.user("UALICE001", "alice");
        standIn.user("UBOB00001", "bob");
    });
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    private IncidentChannel incidentWithMessages() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev1 Checkout down", "UALICE001");
        bot.client.event(SlackEvents.envelope(SlackEvents.message(inc.id, "UBOB00001", SlackEvents.ts(1_000_000),
                "rolled back <https://deploys.example.com/42|deploy 42> &amp; flushed cache")), Map.of());
        bot.client.event(SlackEvents.envelope(SlackEvents.reply(inc.id, "UALICE001", SlackEvents.ts(2_000_000),
                SlackEvents.ts(1_000_000), "errors back to baseline")), Map.of());
        return inc;
    }

    private List<OutboxRepository.FailedJob> failed() {
        return bot.bot.storage().transaction(r -> r.outbox().failed(10));
    }

    @Test
    void resolvingUploadsTheDraftWithFilesUploadV2AndCreatesAChannelCanvas() {
        IncidentChannel inc = incidentWithMessages();

        bot.client.command("resolve bad deploy rolled back", "UALICE001", inc.id);

        await("canvas", 15, () -> !slack.calls("conversations.canvases.create").isEmpty());
        SlackStandIn.Call getUrl = slack.calls("files.getUploadURLExternal").get(0);
        assertThat(getUrl.arg("filename")).isEqualTo("incident-1-postmortem.md");
        String fileId = slack.calls("upload").get(0).arg("file");
        String draft = slack.uploads().get(fileId);
        assertThat(Integer.parseInt(getUrl.arg("length"))).isEqualTo(draft.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        SlackStandIn.Call complete = slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.arg("channel_id")).isEqualTo(inc.id);
        assertThat(complete.arg("files")).contains(fileId);
        assertThat(complete.arg("initial_comment")).contains("Postmortem draft for incident 1");
        assertThat(slack.methods()).containsSubsequence("files.getUploadURLExternal", "files.completeUploadExternal",
                "conversations.canvases.create");

        assertThat(draft).startsWith("# Incident 1: Checkout down").contains("bad deploy rolled back")
                .contains("[deploy 42](https://deploys.example.com/42) & flushed cache").contains("errors back to baseline")
                .contains("alice").contains("bob").doesNotContain("<@UBOB00001>");
        assertThat(slack.calls("conversations.canvases.create").get(0).arg("channel_id")).isEqualTo(inc.id);
        assertThat(slack.calls("conversations.canvases.create").get(0).arg("document_content"))
                .contains("Incident 1: Checkout down");
        assertThat(failed()).isEmpty();
    }

    @Test
    void aWorkspaceWithoutCanvasesGetsTheFileAndNoError() {
        slack.override("conversations.canvases.create", c -> SlackStandIn.json(Map.of("ok", false, "error", "not_allowed")));
        IncidentChannel inc = incidentWithMessages();

        bot.client.command("postmortem", "UALICE001", inc.id);

        await("outbox drained", 15, () -> bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0
                && !slack.calls("conversations.canvases.create").isEmpty());
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
        assertThat(failed()).isEmpty();
        assertThat(slack.calls().stream().map(SlackStandIn.Call::method)).noneMatch(m -> m.startsWith("response_url"));
        assertThat(slack.messages(inc.id).stream().map(m -> String.valueOf(m.get("text"))))
                .noneMatch(t -> t.contains("not_allowed") || t.contains("warning"));
    }

    @Test
    void anUploadWhoseAnswerWasLostIsNotUploadedTwice() {
        IncidentChannel inc = incidentWithMessages();
        slack.loseNextAnswer("files.completeUploadExternal");

        bot.client.command("postmortem", "UALICE001", inc.id);

        await("outbox drained", 20, () -> bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0);
        long shared = slack.messages(inc.id).stream().filter(m -> m.get("files") != null).count();
        assertThat(shared).isEqualTo(1);
        assertThat(failed()).isEmpty();
    }
}
