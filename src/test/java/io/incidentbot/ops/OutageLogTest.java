package io.incidentbot.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Slack's Web API failing every call, the log gets one WARN when the outage starts and one INFO
 * when it ends: no stack trace, no line per retry.
 *
 * <p>The outage is as long as it takes the bot to retry many times, not a fixed wall time: the test bot
 * runs the outbox with short backoffs (50 ms doubling to 500 ms), so the outage is held until the
 * stand-in has refused 40 calls: more retries per job than 60 seconds of production backoffs (1 s
 * doubling: 6 attempts) make. The test bot gives a job up after
 * 20 s, so the outage stays shorter than that and nothing is given up (as in 60 s of production).
 */
class OutageLogTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();

    @Test
    void aWebApiOutageLogsOneWarningAndOneRecoveryAndNoStackTrace() throws Exception {
        RunningBot bot = kit.restart(kit.env());
        IncidentChannel one = IncidentChannel.declare(bot, "declare sev1 Payments down", "UALICE001");
        IncidentChannel two = IncidentChannel.declare(bot, "declare sev2 Search slow", "UBOB00001");
        // No call of the declares may still be in flight when the outage starts: one answered after it
        // started would end the outage and start a second one.
        SlackStandIn.await("declares delivered", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
        int before = slack.calls().size();

        try (LogCapture log = new LogCapture()) {
            slack.faults(1.0, 7, SlackStandIn.Fault.SERVER_ERROR);
            for (int i = 0; i < 5; i++) {
                one.say("note step " + i, "UALICE001");
                two.say("update still looking " + i, "UBOB00001");
            }
            assertThat(one.say("sev sev2", "UALICE001")).contains("SEV2");
            SlackStandIn.await("40 refused Web API calls", 30, () -> slack.calls().size() - before >= 40);
            slack.faults(0, 7);
            SlackStandIn.await("outbox drained", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
            List<OutboxRepository.FailedJob> givenUp = bot.bot.storage().read(r -> r.outbox().failed(10));
            assertThat(givenUp).as("nothing given up").isEmpty();

            List<ILoggingEvent> events = log.events();
            assertThat(events).filteredOn(e -> e.getThrowableProxy() != null)
                    .extracting(ILoggingEvent::getFormattedMessage).as("no stack trace").isEmpty();
            assertThat(log.events(SlackStatus.class, "Web API is failing")).hasSize(1)
                    .allMatch(e -> e.getLevel() == Level.WARN);
            assertThat(log.events(SlackStatus.class, "answers again")).hasSize(1)
                    .allMatch(e -> e.getLevel() == Level.INFO);
            assertThat(events).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .as("warnings and errors: the outage's start only").hasSize(1);
        }
        assertThat(slack.messages(one.id)).extracting(m -> String.valueOf(m.get("text")))
                .as("delivered after the outage").anyMatch(t -> t.contains("step 4"));
    }
}
