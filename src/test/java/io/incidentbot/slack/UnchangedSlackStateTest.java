package io.incidentbot.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: one short incident made 7 {@code conversations.setTopic} calls (5 unchanged; each is a visible
 * line in the channel) and 6 header {@code chat.update}s (4 unchanged). The topic is set only when its text
 * changes, and a header update is sent only when the rendered header changes.
 */
class UnchangedSlackStateTest {
    @TempDir
    Path dir;

    @Test
    void aShortIncidentSetsTheTopicOnlyWhenItChangesAndNeverSendsAnUnchangedHeader() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); RunningBot bot = RunningBot.start(slack, dir.resolve("t.db"))) {
            bot.client.command("declare sev2 Checkout slow", "UALICE001", "CGENERAL1");
            await("header", 20, () -> incident(bot).headerTs() != null);
            String channel = incident(bot).channelId();
            for (String text : List.of("status identified", "role comms <@UBOB00001>", "note cache flushed",
                    "update users see errors", "action add an alert", "lead <@UALICE001>", "status monitoring",
                    "resolve rolled back")) {
                assertThat(bot.client.command(text, "UALICE001", channel).statusCode()).isEqualTo(200);
            }
            await("outbox drained", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);

            List<String> topics = slack.calls("conversations.setTopic").stream().map(c -> c.arg("topic")).toList();
            assertThat(topics).as("topics set").doesNotHaveDuplicates();
            assertThat(topics.size()).as("topic changes: declared, identified, lead, monitoring, resolved").isLessThanOrEqualTo(5);
            List<String> headers = slack.calls("chat.update").stream()
                    .filter(c -> incident(bot).headerTs().equals(c.arg("ts")))
                    .map(c -> c.arg("text") + c.arg("blocks")).toList();
            assertThat(headers).as("header updates").doesNotHaveDuplicates();
            String posted = slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                    .findFirst().map(c -> c.arg("text") + c.arg("blocks")).orElseThrow();
            assertThat(headers).as("no update repeats the header as posted").doesNotContain(posted);
        }
    }

    private static Incident incident(RunningBot bot) {
        return bot.bot.storage().read(r -> r.incidents().listAll()).get(0);
    }
}
