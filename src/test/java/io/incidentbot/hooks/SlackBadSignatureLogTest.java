package io.incidentbot.hooks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.slack.http.SlackEndpoint;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: a storm of forged Slack requests ({@code POST /slack/events} with a wrong signature) is answered
 * 401 every time, counted every time, and logged once a minute, as refused webhooks are.
 */
class SlackBadSignatureLogTest {
    @TempDir
    Path dir;

    @Test
    void aHundredBadSignaturesWriteOneWarnLineAndAreAllCounted() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SlackEndpoint.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        String metrics;
        try (SlackStandIn slack = new SlackStandIn(); HookBot hooks = new HookBot(slack, dir.resolve("incidents.db"), Map.of())) {
            for (int i = 0; i < 100; i++) {
                HttpRequest r = HttpRequest.newBuilder(hooks.uri("/slack/events"))
                        .header("X-Slack-Request-Timestamp", Long.toString(hooks.clock.instant().getEpochSecond()))
                        .header("X-Slack-Signature", "v0=" + "0".repeat(63) + (i % 10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"event_callback\"}")).build();
                assertThat(hooks.send(r).statusCode()).isEqualTo(401);
            }
            metrics = hooks.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hooks.bot.metricsPort() + "/metrics"))
                    .GET().build()).body();
        } finally {
            logger.detachAppender(appender);
        }
        List<String> warns = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("rejected a request with a bad signature")).toList();
        assertThat(warns).hasSize(1);
        double counted = 0;
        Matcher m = Pattern.compile("(?m)^incidentbot_requests_unauthorized_total\\{[^}]*\\} ([0-9.E]+)$").matcher(metrics);
        while (m.find()) {
            counted += Double.parseDouble(m.group(1));
        }
        assertThat(counted).as("every refusal is counted").isEqualTo(100.0);
    }
}
