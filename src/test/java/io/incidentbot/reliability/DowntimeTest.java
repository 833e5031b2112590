package io.incidentbot.reliability;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Messages posted while the bot was down reach the timeline at the next start, exactly once. */
class DowntimeTest {
    @TempDir
    Path dir;

    @Test
    void messagesPostedWhileTheBotWasDownAreInTheTimelineAfterStartOnce() throws Exception {
        Path db = dir.resolve("incidents.db");
        try (SlackStandIn slack = new SlackStandIn()) {
            IncidentChannel inc;
            String live = SlackEvents.ts(1_000_000);
            try (RunningBot first = RunningBot.start(slack, db)) {
                inc = IncidentChannel.declare(first, "declare sev1 Downtime", "UALICE001");
                slack.humanMessage(inc.id, live, "UALICE001", "seen live", null);
                first.client.event(SlackEvents.envelope(SlackEvents.message(inc.id, "UALICE001", live, "seen live")), Map.of());
            }
            // While the bot is down: a new message, a thread under the live message, a reply to it, a bot post.
            slack.humanMessage(inc.id, SlackEvents.ts(2_000_000), "UBOB00001", "posted while the bot was down", null);
            slack.humanMessage(inc.id, SlackEvents.ts(3_000_000), "UCAROL001", "reply in a thread while down", live);
            slack.messages(inc.id); // the stand-in keeps its own history; the bot's header post is in it too
            try (RunningBot second = RunningBot.start(slack, RunningBot.env(slack, db), Duration.ofMillis(100))) {
                IncidentChannel again = inc.in(second);
                await("missed messages", 20, () -> again.messages().size() == 3);
                second.bot.catchUp();
                second.bot.catchUp();

                List<TimelineEntry> messages = again.messages();
                assertThat(messages).extracting(TimelineEntry::text)
                        .containsExactly("seen live", "posted while the bot was down", "reply in a thread while down");
                assertThat(messages.get(2).threadTs()).isEqualTo(live);
                assertThat(messages).extracting(TimelineEntry::userId).doesNotContain(SlackStandIn.BOT_USER);
                assertThat(slack.calls("conversations.replies")).isNotEmpty();
            }
        }
    }
}
