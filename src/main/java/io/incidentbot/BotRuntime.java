package io.incidentbot;

import io.incidentbot.outbox.OutboxWorker;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What the {@link Bot} runs on besides its configuration: the clock, its threads and its timings.
 * {@link Main} makes the production one with {@link #standard}; tests make theirs (a shorter outbox
 * policy, a catch-up sweep pushed out of the way) without the bot having test-only arguments. The bot
 * shuts the executors down when it is closed.
 *
 * @param clock         time source of every service
 * @param outboxThreads delivers outbox jobs; its size bounds how many incidents are served at once
 * @param afterAck      runs Web API calls that must follow an ack at once ({@code views.open})
 * @param scheduler     runs the periodic catch-up sweeps ({@code conversations.history})
 * @param outboxPolicy  the outbox's retry policy
 * @param firstSweep    delay from start to the first catch-up sweep
 * @param sweepInterval delay between the end of one catch-up sweep and the start of the next
 * @param checkInterval delay between the periodic checks for due reminders, escalation steps and follow-up reminders
 *                      (the first runs half of it after start)
 */
public record BotRuntime(Clock clock, ExecutorService outboxThreads, ExecutorService afterAck,
                         ScheduledExecutorService scheduler, OutboxWorker.Policy outboxPolicy, Duration firstSweep,
                         Duration sweepInterval, Duration checkInterval) {
    /** Production: the first catch-up sweep 2 s after start. */
    public static final Duration FIRST_SWEEP = Duration.ofSeconds(2);
    /** Production: open incidents' channels are swept every 5 minutes for messages no event brought. */
    public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);
    /** Production: reminders, escalation steps and follow-up reminders due are looked for every 10 s. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    /**
     * The production runtime: 4 outbox threads, 2 after-ack threads, one sweep thread (all daemons),
     * sweeps {@link #FIRST_SWEEP} after start and every {@link #SWEEP_INTERVAL}, checks every {@link #CHECK_INTERVAL}.
     *
     * @param clock  time source
     * @param policy outbox retry policy
     * @return a fresh runtime; its executors belong to the bot it is given to
     */
    public static BotRuntime standard(Clock clock, OutboxWorker.Policy policy) {
        return withSweeps(clock, policy, FIRST_SWEEP, SWEEP_INTERVAL);
    }

    /** As {@link #standard}, with other catch-up sweep timings. */
    public static BotRuntime withSweeps(Clock clock, OutboxWorker.Policy policy, Duration firstSweep,
                                        Duration sweepInterval) {
        return new BotRuntime(clock, Executors.newFixedThreadPool(4, daemon("outbox")),
                Executors.newFixedThreadPool(2, daemon("after-ack")),
                Executors.newSingleThreadScheduledExecutor(daemon("backfill")), policy, firstSweep, sweepInterval,
                CHECK_INTERVAL);
    }

    /**
     * @param interval delay between the periodic checks (a test whose clock it moves past a step looks sooner)
     * @return this runtime with another {@link #checkInterval}
     */
    public BotRuntime checkingEvery(Duration interval) {
        return new BotRuntime(clock, outboxThreads, afterAck, scheduler, outboxPolicy, firstSweep, sweepInterval, interval);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
