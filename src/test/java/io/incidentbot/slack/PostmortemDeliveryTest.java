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
    void resolvingUploadsTheDraftWithFilesUploadV2AndCreatesAChannelCanvas() throws java.io.IOException {
        IncidentChannel inc = incidentWithMessages();

        bot.client.command("resolve bad deploy rolled back", "UALICE001", inc.id);

        await("canvas", 15, () -> !slack.calls("conversations.canvases.create").isEmpty());
        SlackStandIn.Call getUrl = slack.calls("files.getUploadURLExternal").get(0);
        assertThat(slack.calls("files.getUploadURLExternal")).extracting(c -> c.arg("filename"))
                .containsExactly("incident-1-postmortem.md", "incident-1-timeline.png");
        String fileId = fileId("incident-1-postmortem.md");
        String chartId = fileId("incident-1-timeline.png");
        String draft = slack.uploads().get(fileId);
        assertThat(Integer.parseInt(slack.calls("files.getUploadURLExternal").get(1).arg("length")))
                .isEqualTo(slack.uploadedBytes(chartId).length);
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(slack.uploadedBytes(chartId)));
        assertThat(picture.getWidth()).isEqualTo(1600);
        assertThat(draft).contains("](incident-1-timeline.png)").contains("- **(1)** ");
        assertThat(Integer.parseInt(getUrl.arg("length"))).isEqualTo(draft.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        SlackStandIn.Call complete = slack.calls("files.completeUploadExternal").get(0);
        assertThat(complete.arg("channel_id")).isEqualTo(inc.id);
        assertThat(complete.arg("files")).contains(fileId).contains(chartId);
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
        assertThat(complete.arg("initial_comment")).contains("Postmortem draft for incident 1");
        assertThat(slack.methods()).containsSubsequence("files.getUploadURLExternal", "files.completeUploadExternal",
                "conversations.canvases.create");

        assertThat(draft).startsWith("# Incident 1: Checkout down").contains("bad deploy rolled back")
                .contains("[deploy 42](https://deploys.example.com/42) (`https://deploys.example.com/42`) & flushed cache").contains("errors back to baseline")
                .contains("alice").contains("bob").doesNotContain("<@UBOB00001>");
        assertThat(slack.calls("conversations.canvases.create").get(0).arg("channel_id")).isEqualTo(inc.id);
        assertThat(slack.calls("conversations.canvases.create").get(0).arg("document_content"))
                .contains("Incident 1: Checkout down");
        assertThat(failed()).isEmpty();
    }

    private String fileId(String name) {
        return slack.fileNames().entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                .max(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(1))))
                .orElseThrow(() -> new AssertionError("no upload named " + name));
    }

    @Test
    void aSecondPostmortemEditsTheCanvasInPlaceAndReplacesTheUploadedFiles() {
        IncidentChannel inc = incidentWithMessages();
        bot.client.command("resolve bad deploy rolled back", "UALICE001", inc.id);
        await("first draft", 15, () -> !slack.calls("conversations.canvases.create").isEmpty());
        String firstDraft = fileId("incident-1-postmortem.md");
        String firstChart = fileId("incident-1-timeline.png");
        String canvas = slack.canvases().get(inc.id);

        bot.client.command("note the cache flush was the real fix", "UALICE001", inc.id);
        bot.client.command("postmortem", "UALICE001", inc.id);

        await("canvas edited", 15, () -> !slack.calls("canvases.edit").isEmpty()
                && bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0);
        assertThat(slack.calls("conversations.canvases.create")).as("never a refused second create").hasSize(1);
        SlackStandIn.Call edit = slack.calls("canvases.edit").get(0);
        assertThat(edit.arg("canvas_id")).isEqualTo(canvas);
        assertThat(edit.arg("changes")).contains("\"operation\":\"replace\"")
                .contains("the cache flush was the real fix").doesNotContain("section_id");
        String secondDraft = fileId("incident-1-postmortem.md");
        assertThat(secondDraft).isNotEqualTo(firstDraft);
        assertThat(slack.uploads().get(secondDraft)).contains("the cache flush was the real fix");
        assertThat(slack.calls("files.delete")).extracting(c -> c.arg("file"))
                .containsExactlyInAnyOrder(firstDraft, firstChart);
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(2);
        assertThat(slack.calls("files.completeUploadExternal").get(1).arg("initial_comment"))
                .contains("Updated postmortem draft for incident 1").contains("replaces the earlier draft");
        assertThat(bot.bot.storage().transaction(r -> r.postmortems().find(1)).orElseThrow())
                .satisfies(d -> {
                    assertThat(d.draftFileId()).isEqualTo(secondDraft);
                    assertThat(d.chartFileId()).isEqualTo(fileId("incident-1-timeline.png"));
                    assertThat(d.canvasId()).isEqualTo(canvas);
                });
        assertThat(failed()).isEmpty();
    }

    @Test
    void aChannelCanvasTheBotDidNotRememberIsFoundAndEditedNotCreatedAgain() {
        IncidentChannel inc = incidentWithMessages();
        bot.client.command("resolve bad deploy rolled back", "UALICE001", inc.id);
        await("first draft", 15, () -> !slack.calls("conversations.canvases.create").isEmpty());
        await("outbox drained", 15, () -> bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0);
        bot.bot.storage().run(r -> r.postmortems().saveCanvas(1, null, java.time.Instant.now()));

        bot.client.command("postmortem", "UALICE001", inc.id);

        await("canvas edited", 15, () -> !slack.calls("canvases.edit").isEmpty()
                && bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0);
        assertThat(slack.calls("conversations.info")).extracting(c -> c.arg("channel")).containsExactly(inc.id);
        assertThat(slack.calls("canvases.edit").get(0).arg("canvas_id")).isEqualTo(slack.canvases().get(inc.id));
        assertThat(bot.bot.storage().transaction(r -> r.postmortems().find(1)).orElseThrow().canvasId())
                .isEqualTo(slack.canvases().get(inc.id));
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
        assertThat(slack.calls("files.getUploadURLExternal")).as("one draft and one picture").hasSize(2);
        assertThat(slack.calls("files.delete")).as("the retry found its own upload").isEmpty();
        assertThat(bot.bot.storage().transaction(r -> r.postmortems().find(1)).orElseThrow().draftFileId())
                .isEqualTo(fileId("incident-1-postmortem.md"));
        assertThat(failed()).isEmpty();
    }
}
