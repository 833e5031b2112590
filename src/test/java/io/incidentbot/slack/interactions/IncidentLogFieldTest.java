package io.incidentbot.slack.interactions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.incident.Incident;
import io.incidentbot.slack.http.RequestContext;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.HomeTab;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.util.List;

import static io.incidentbot.slack.interactions.InteractionPayloads.buttonClick;
import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code incident} log field on the interactive path: a header button click and a header modal's
 * submission are handled with the incident's number in the MDC; a Home tab click concerns no incident.
 * Read from the per-request DEBUG line of {@link RequestContext}, which is written while Bolt handles it.
 */
class IncidentLogFieldTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    final Logger logger = (Logger) LoggerFactory.getLogger(RequestContext.class);
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    Level level;
    RunningBot bot;

    @BeforeEach
    void start() {
        bot = kit.bot();
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
        logger.setLevel(level);
    }

    /** @return the {@code incident} field of the last interaction line logged */
    private String lastInteractionIncident() {
        List<ILoggingEvent> seen;
        synchronized (lines) {
            seen = List.copyOf(lines.list);
        }
        List<ILoggingEvent> interactions = seen.stream()
                .filter(e -> e.getFormattedMessage().startsWith("interaction ")).toList();
        assertThat(interactions).isNotEmpty();
        return interactions.get(interactions.size() - 1).getMDCPropertyMap().get("incident");
    }

    @Test
    void headerButtonsAndModalsAreHandledWithTheIncidentNumberInTheLogFields() {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        bot.client.command("declare sev3 Search slow", "UALICE001", "CGENERAL1");
        SlackStandIn.await("headers posted", 10, () -> bot.bot.storage().read(r -> r.incidents().find(2))
                .map(i -> i.headerTs() != null).orElse(false));
        Incident second = bot.bot.storage().read(r -> r.incidents().find(2)).orElseThrow();

        bot.client.interactivity(buttonClick("UALICE001", second.channelId(), second.headerTs(), Header.STATUS, "2",
                slack.url("/response/UALICE001")));
        assertThat(lastInteractionIncident()).as("header button").isEqualTo("2");

        bot.client.interactivity(submission("UALICE001", Modals.STATUS, "2",
                select(Modals.STATUS_SELECT, "identified")));
        assertThat(lastInteractionIncident()).as("header modal submission").isEqualTo("2");

        bot.client.interactivity(InteractionPayloads.homeClick("UALICE001", HomeTab.DECLARE, "declare"));
        assertThat(lastInteractionIncident()).as("Home tab button").isNull();
    }
}
