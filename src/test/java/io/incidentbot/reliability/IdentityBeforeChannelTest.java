package io.incidentbot.reliability;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (reliability): with {@code auth.test} failing the bot cannot recognise a channel it created
 * whose answer was lost; it must not create (or adopt) any channel until it knows who it is, or a
 * second {@code -2} channel is made.
 */
class IdentityBeforeChannelTest {
    @TempDir
    Path dir;

    @Test
    void noChannelIsCreatedBeforeAuthTestAnswersAndALostCreateIsThenAdoptedNotDuplicated() throws Exception {
        try (SlackStandIn slack = new SlackStandIn()) {
            AtomicBoolean authDown = new AtomicBoolean(true);
            slack.override("auth.test", c -> authDown.get()
                    ? SlackStandIn.json(Map.of("ok", false, "error", "internal_error")) : null);
            slack.loseNextAnswer("conversations.create");
            try (RunningBot bot = RunningBot.start(slack, dir.resolve("id.db"))) {
                bot.client.command("declare sev1 Who am I", "UALICE001", "CGENERAL1");

                await("auth.test failing twice", 20, () -> slack.calls("auth.test").size() >= 2);
                await("create job attempted", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) > 0
                        && attempted(bot));
                assertThat(slack.calls("conversations.create")).as("no channel before the bot knows itself").isEmpty();

                authDown.set(false);
                await("header", 60, () -> incidents(bot).get(0).headerTs() != null);

                assertThat(slack.channels()).containsOnlyKeys("inc-1-who-am-i");
                assertThat(incidents(bot).get(0).channelId()).isEqualTo(slack.channels().get("inc-1-who-am-i"));
            }
        }
    }

    private static boolean attempted(RunningBot bot) {
        return bot.bot.storage().read(r -> r.outbox().dueHeads(java.time.Instant.now().plusSeconds(3600), 10))
                .stream().anyMatch(j -> j.attempts() > 0);
    }

    private static List<Incident> incidents(RunningBot bot) {
        return bot.bot.storage().read(r -> r.incidents().listAll());
    }
}
