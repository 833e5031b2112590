package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.incidentbot.testkit.SlackStandIn.await;

/**
 * The set-up of the tests that drive interactions through a running bot: the bot against the Web API
 * stand-in ({@link #slack}), started before each test, and incident 1 as the tests declare and read it.
 */
abstract class RunningBotFixture {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() {
        bot = kit.bot();
    }

    /** @return incident 1 as stored now */
    Incident incident() {
        return bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    /** Declares incident 1 (SEV2 "Checkout errors", by Alice in #general) and waits for its header post. */
    Incident declared() {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        await("the header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        return incident();
    }
}
