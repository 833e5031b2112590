package io.incidentbot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import io.incidentbot.slack.socket.SocketModeConnection;
import io.incidentbot.slack.web.SlackSdk;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: when Slack cannot be reached, a Socket Mode connection failure was logged as a bare
 * {@code NullPointerException}; the log line names the real cause ({@code UnknownHostException} for a host
 * that does not resolve).
 */
class SocketModeFailureLogTest {
    @Test
    void aHostThatDoesNotResolveIsLoggedAsSuch() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger log = (Logger) LoggerFactory.getLogger(SocketModeConnection.class);
        log.addAppender(logged);
        App app = new App(AppConfig.builder().slack(SlackSdk.forApi("http://no-such-host.invalid/api/"))
                .singleTeamBotToken("xoxb-test").build());
        try (SocketModeConnection socket = new SocketModeConnection("xapp-1-A0TEST001-test", app)) {
            socket.start();
            await("a failed attempt logged", 30, () -> logged.list.stream().anyMatch(e -> e.getLevel() == Level.WARN));
        } finally {
            log.detachAppender(logged);
        }
        String line = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).findFirst().orElseThrow()
                .getFormattedMessage();
        assertThat(line).contains("UnknownHostException").contains("no-such-host.invalid");
    }
}
