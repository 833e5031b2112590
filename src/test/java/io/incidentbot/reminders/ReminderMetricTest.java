package io.incidentbot.reminders;

import io.incidentbot.Bot;
import io.incidentbot.BotRuntime;
import io.incidentbot.config.Config;
import io.incidentbot.ops.Scrape;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code incidentbot_reminders_sent_total} in {@code GET /metrics} moves when a reminder falls due: the whole
 * bot on a clock the test moves, an incident declared with a signed command, then 30 minutes without a
 * status update.
 */
class ReminderMetricTest {
    @Test
    void aDueUpdateReminderIsCountedOnceInMetrics(@TempDir Path dir) throws Exception {
        TestClock clock = new TestClock(Instant.now());
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
            env.put("INCIDENT_REMIND_UPDATE", "30m");
            Bot bot = new Bot(Config.fromEnv(env), BotRuntime.withSweeps(clock, RunningBot.FAST, Duration.ofHours(1),
                    BotRuntime.SWEEP_INTERVAL)).start();
            try {
                SignedClient client = new SignedClient(bot.port(), slack.url("/response/"));
                SignedClient ops = new SignedClient(bot.metricsPort(), slack.url("/response/"));
                assertThat(SignedClient.text(client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1")))
                        .contains("Declared incident 1");
                assertThat(bot.sendDueReminders()).as("nothing due yet").isZero();
                assertThat(new Scrape(ops.get("/metrics").body()).value("incidentbot_reminders_sent_total")).isZero();

                clock.advance(Duration.ofMinutes(30));
                bot.sendDueReminders();
                bot.sendDueReminders();

                assertThat(new Scrape(ops.get("/metrics").body()).value("incidentbot_reminders_sent_total"))
                        .as("one update reminder, counted once whichever check sent it").isEqualTo(1);
                SlackStandIn.await("the reminder posted", 10, () -> slack.calls("chat.postMessage").stream()
                        .anyMatch(c -> c.arg("text") != null && c.arg("text").contains("No status update")));
            } finally {
                bot.close();
            }
        }
    }
}
