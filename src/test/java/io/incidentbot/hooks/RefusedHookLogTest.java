package io.incidentbot.hooks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A storm of wrong bearer tokens is answered 401 every time but logged once a minute per path (issue 24). */
class RefusedHookLogTest {
    @TempDir
    Path dir;

    @Test
    void fiftyWrongTokensWriteOneWarnLine() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(HookHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (SlackStandIn slack = new SlackStandIn(); HookBot hooks = new HookBot(slack, dir.resolve("incidents.db"), Map.of())) {
            for (int i = 0; i < 50; i++) {
                HttpRequest r = HttpRequest.newBuilder(hooks.uri("/hooks/alertmanager"))
                        .header("Authorization", "Bearer wrong-token-" + i).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                assertThat(hooks.send(r).statusCode()).isEqualTo(401);
            }
        } finally {
            logger.detachAppender(appender);
        }
        List<String> warns = appender.list.stream().filter(e -> e.getFormattedMessage().startsWith("refused /hooks/alertmanager"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warns).hasSize(1);
    }
}
