package io.incidentbot;

import io.incidentbot.config.Config;
import io.incidentbot.config.ConfigException;
import io.incidentbot.outbox.OutboxWorker;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point. With no arguments: runs the bot, configured by environment variables. With
 * arguments: command-line tools ({@code postmortem <number>}, {@code import <export> --channel <name>}).
 * Exit status 2 with one line on standard error for bad configuration.
 */
public final class Main {
    private Main() {
    }

    /**
     * @param args none to run the bot; otherwise a command-line tool and its arguments
     */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(io.incidentbot.cli.Cli.run(args, System.out, System.err, System.getenv()));
        }
        Config config;
        try {
            config = Config.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println("incident-bot: " + e.getMessage());
            System.exit(2);
            return;
        }
        Bot bot;
        try {
            bot = new Bot(config, BotRuntime.standard(Clock.systemUTC(), OutboxWorker.Policy.defaults())).start();
        } catch (io.incidentbot.storage.jdbi.DatabaseUnavailableException e) {
            // A bad INCIDENT_DB, an unreachable server, wrong credentials: configuration, not a crash.
            System.err.println("incident-bot: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            System.err.println("incident-bot: cannot start: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).error("start failed", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
