package io.incidentbot.reminders;

import io.incidentbot.Bot;
import io.incidentbot.BotRuntime;
import io.incidentbot.config.Config;
import io.incidentbot.ops.Scrape;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Update reminders through the whole bot: one bot for the class on a clock the tests move
 * ({@code INCIDENT_REMIND_UPDATE=4m}, {@code INCIDENT_REMIND_MAX=2}), a new incident declared with a signed
 * command per test and resolved after it, so no test's reminders fall due in another. What is checked is what
 * the channel gets ({@code chat.postMessage} to the incident's channel) and {@code incidentbot_reminders_sent_total}
 * in {@code GET /metrics}, which counts every reminder queued, whichever check queued it.
 */
class ReminderMetricTest {
    private static final Duration INTERVAL = Duration.ofMinutes(4);
    private static final Pattern DECLARED = Pattern.compile("Declared incident (\\d+)");

    @TempDir
    static Path dir;
    static final TestClock clock = new TestClock(Instant.now());
    static SlackStandIn slack;
    static Bot bot;
    static SignedClient client;
    static SignedClient ops;
    long incident;
    String channel;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackStandIn();
        Map<String, String> env = RunningBot.env(slack, dir.resolve("incidents.db"));
        env.put("INCIDENT_REMIND_UPDATE", "4m");
        env.put("INCIDENT_REMIND_LEAD", "off");
        env.put("INCIDENT_REMIND_MAX", "2");
        bot = new Bot(Config.fromEnv(env), BotRuntime.withSweeps(clock, RunningBot.FAST, Duration.ofHours(1),
                BotRuntime.SWEEP_INTERVAL)).start();
        client = new SignedClient(bot.port(), slack.url("/response/"));
        ops = new SignedClient(bot.metricsPort(), slack.url("/response/"));
    }

    @AfterAll
    static void stop() throws Exception {
        bot.close();
        slack.close();
    }

    /** Declares a new incident, signed at the bot's clock (which the tests move past the 5 minutes of skew allowed). */
    private void declare(String title) {
        String answer = SignedClient.text(command("declare sev2 " + title, "CGENERAL1"));
        Matcher m = DECLARED.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        incident = Long.parseLong(m.group(1));
        SlackStandIn.await("the incident's channel", 10, () -> slack.channels().keySet().stream()
                .anyMatch(n -> n.startsWith("inc-" + incident + "-")));
        channel = slack.channels().entrySet().stream().filter(e -> e.getKey().startsWith("inc-" + incident + "-"))
                .findFirst().orElseThrow().getValue();
    }

    private HttpResponse<String> command(String text, String channelId) {
        return client.post(SignedClient.form(client.commandFields(text, "UALICE001", channelId)),
                "application/x-www-form-urlencoded", clock.instant().getEpochSecond(), Map.of());
    }

    /** Resolves the test's incident: its reminders are dropped and cannot fall due in a later test. */
    @AfterEach
    void resolve() {
        if (channel != null) {
            assertThat(command("resolve done", channel).statusCode()).isEqualTo(200);
        }
    }

    private static double sentTotal() {
        return new Scrape(ops.get("/metrics").body()).value("incidentbot_reminders_sent_total");
    }

    /** @return the texts of the reminders posted in the test's incident channel, in order */
    private List<String> reminders() {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> c.arg("text")).filter(t -> t != null && (t.startsWith(":alarm_clock:") || t.startsWith(":zzz:")))
                .toList();
    }

    /** Waits until the reminders counted in metrics since {@code before} are all posted in the channel. */
    private List<String> posted(double before, int expected) {
        SlackStandIn.await(expected + " reminders posted", 10, () -> reminders().size() >= expected);
        assertThat(sentTotal() - before).as("reminders queued").isEqualTo(expected);
        return reminders();
    }

    @Test
    void aDueUpdateReminderIsCountedOnceInMetrics() {
        declare("Checkout errors");
        double before = sentTotal();
        assertThat(bot.sendDueReminders()).as("nothing due yet").isZero();
        assertThat(sentTotal()).isEqualTo(before);

        clock.advance(INTERVAL);
        bot.sendDueReminders();
        bot.sendDueReminders();

        assertThat(sentTotal() - before).as("one update reminder, counted once whichever check sent it").isEqualTo(1);
        SlackStandIn.await("the reminder posted", 10, () -> reminders().stream().anyMatch(t -> t.contains("No status update")));
    }

    /**
     * Issue 24 at 3 a.m.: the first reminder said "for 0 min", "4 min" was posted twice, and reminders went on without
     * end. Here each due time is checked by three callers at once (two direct calls and the bot's own 10 s check), and
     * after {@code INCIDENT_REMIND_MAX} (2) unanswered reminders comes one final note, then nothing, however long.
     */
    @Test
    void oneReminderPerDueTimeThenOneFinalNoteAfterTheMaximum() {
        declare("Payments slow");
        double before = sentTotal();
        for (int i = 0; i < 3; i++) {
            clock.advance(INTERVAL);
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(bot::sendDueReminders);
            bot.sendDueReminders();
            other.join();
            posted(before, i + 1);
        }
        assertThat(posted(before, 3)).containsExactly(
                ":alarm_clock: No status update for 4 min. <@UALICE001>, as lead: please post an update for the people waiting on this incident.",
                ":alarm_clock: No status update for 8 min. <@UALICE001>, as lead: please post an update for the people waiting on this incident.",
                ":zzz: No answer to 2 reminders; reminders stop until the next update.");

        for (int i = 0; i < 5; i++) {
            clock.advance(INTERVAL);
            assertThat(bot.sendDueReminders()).as("nothing after the final note, %d min on", 12 + 4 * (i + 1)).isZero();
        }
        assertThat(sentTotal() - before).as("no reminder queued by the bot's own check either").isEqualTo(3);
    }

    /** After a status update the count starts again: the next reminder is one interval after it and says so. */
    @Test
    void aStatusUpdateStartsTheRemindersAgainFromIt() {
        declare("Search empty");
        double before = sentTotal();
        clock.advance(INTERVAL.multipliedBy(3));
        bot.sendDueReminders();
        bot.sendDueReminders();
        assertThat(posted(before, 1)).as("one reminder for the one due time passed, however late the check")
                .containsExactly(":alarm_clock: No status update for 12 min. <@UALICE001>, as lead: please post an "
                        + "update for the people waiting on this incident.");

        assertThat(command("update Rolled back the index change", channel).statusCode()).isEqualTo(200);
        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(bot.sendDueReminders()).as("not due one second early").isZero();
        clock.advance(Duration.ofSeconds(1));
        bot.sendDueReminders();
        assertThat(posted(before, 2).get(1)).startsWith(":alarm_clock: No status update for 4 min.");
    }
}
