package io.incidentbot.slack;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.SlackTs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZoneAndEscapingTest {
    @TempDir
    Path dir;

    @Test
    void theTimelineViewShowsTimesInTheConfiguredZoneAndTheTopicEscapesTheTitle() throws Exception {
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, dir.resolve("i.db"));
            env.put("INCIDENT_TIMEZONE", "Asia/Tokyo");
            try (RunningBot bot = RunningBot.start(slack, env)) {
                IncidentChannel inc = IncidentChannel.declare(bot, "declare sev2 " + SignedClient.escaped("<script> & checkout"), "UALICE001");
                String ts = SlackEvents.ts(5_000_000);
                bot.client.event(SlackEvents.envelope(SlackEvents.message(inc.id, "UBOB00001", ts, "timeouts")), Map.of());

                String view = bot.client.say("timeline", "UBOB00001", inc.id);

                String tokyo = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"))
                        .format(SlackTs.toInstant(ts));
                // issue 13: times use Slack's date formatting (each reader's zone); the fallback is in the configured zone
                assertThat(view).contains("times in your time zone").contains("<!date^"
                        + SlackTs.toInstant(ts).getEpochSecond() + "^{date_short_pretty} {time}|" + tokyo + "> <@UBOB00001> timeouts");
                assertThat(slack.calls("conversations.setTopic").get(0).arg("topic"))
                        .contains("&lt;script&gt; &amp; checkout").doesNotContain("<script>");
            }
        }
    }
}
