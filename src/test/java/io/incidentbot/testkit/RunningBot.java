package io.incidentbot.testkit;

import io.incidentbot.Bot;
import io.incidentbot.BotRuntime;
import io.incidentbot.config.Config;
import io.incidentbot.outbox.OutboxWorker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The whole bot, started in this JVM on a free port, against a {@link SlackStandIn} and a SQLite file. */
public final class RunningBot implements AutoCloseable {
    /** A short retry policy so tests finish quickly. */
    public static final OutboxWorker.Policy FAST = new OutboxWorker.Policy(Duration.ofMillis(50), Duration.ofMillis(500),
            Duration.ofSeconds(20), Duration.ofMillis(50));

    public final Bot bot;
    public final SignedClient client;
    /** A client of the operator's port ({@code METRICS_PORT} on loopback): {@code /metrics}, {@code /readyz} with details. */
    public final SignedClient ops;
    public final Path database;

    private RunningBot(Bot bot, Path database, String responseBase) {
        this.bot = bot;
        this.client = new SignedClient(bot.port(), responseBase);
        this.ops = new SignedClient(bot.metricsPort(), responseBase);
        this.database = database;
    }

    /** @return the environment a test bot runs with; tests may change it before {@link #start} */
    public static Map<String, String> env(SlackStandIn slack, Path database) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", SlackStandIn.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SignedClient.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("PORT", "0");
        env.put("METRICS_PORT", "0");
        env.put("INCIDENT_DB", database.toString());
        env.put("INCIDENT_ANNOUNCE_CHANNEL", "CANNOUNCE1");
        return env;
    }

    /** Starts a bot with {@link #env} as is. */
    public static RunningBot start(SlackStandIn slack, Path database) throws Exception {
        return start(slack, env(slack, database));
    }

    /** Starts a bot with the given environment. */
    public static RunningBot start(SlackStandIn slack, Map<String, String> env) throws Exception {
        return start(slack, env, Duration.ofHours(1));
    }

    /**
     * Starts a bot whose first catch-up sweep ({@code conversations.history}) runs {@code firstSweep}
     * after start; the other starters push it an hour out so that tests counting calls see none.
     */
    public static RunningBot start(SlackStandIn slack, Map<String, String> env, Duration firstSweep) throws Exception {
        return start(slack, env, firstSweep, Clock.systemUTC());
    }

    /**
     * Starts a bot on {@code clock} (a clock the test moves, e.g. past an escalation step's minutes; keep it within
     * the 5 minutes of signed-request skew the front door allows).
     */
    public static RunningBot start(SlackStandIn slack, Map<String, String> env, Duration firstSweep, Clock clock)
            throws Exception {
        return start(slack, env, firstSweep, clock, BotRuntime.CHECK_INTERVAL);
    }

    /**
     * As {@link #start(SlackStandIn, Map, Duration, Clock)}, with the periodic checks for due reminders, escalation
     * steps and follow-up reminders every {@code checkInterval} instead of 10 s: shorter, so that a test that moves the
     * clock past a step sees it sent sooner; or longer, so that only the test runs them (e.g.
     * {@link io.incidentbot.Bot#sendDueEscalations}), at the moments it chooses.
     */
    public static RunningBot start(SlackStandIn slack, Map<String, String> env, Duration firstSweep, Clock clock,
                                   Duration checkInterval) throws Exception {
        Config config = Config.fromEnv(env);
        RunningBot bot = new RunningBot(new Bot(config, BotRuntime.withSweeps(clock, FAST, firstSweep,
                BotRuntime.SWEEP_INTERVAL).checkingEvery(checkInterval)).start(), Path.of(config.database()),
                slack.url("/response/"));
        bot.awaitReady(Duration.ofSeconds(10));
        return bot;
    }

    /**
     * Waits up to {@code atMost} for {@code /readyz} to answer 200 (the first {@code auth.test} runs in the
     * background after start), so that tests start with a ready bot; returns quietly when it does not
     * get ready (tests that start a bot against a broken Slack on purpose).
     *
     * @return true when ready
     */
    public boolean awaitReady(Duration atMost) {
        return SlackStandIn.within(atMost, () -> client.get("/readyz").statusCode() == 200);
    }

    @Override
    public void close() {
        bot.close();
    }
}
