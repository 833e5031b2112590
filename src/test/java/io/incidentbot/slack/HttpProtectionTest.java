package io.incidentbot.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front end's protections over real HTTP (raw sockets where java.net.http would not send the
 * request): bodies over 1 MiB are refused before they are read, invalid UTF-8 gets a short 400, and no
 * answer names the server or its version.
 */
class HttpProtectionTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    /** Sends {@code head} then up to {@code bodyBytes} of body; returns the whole answer as text. */
    private String exchange(String head, long bodyBytes, boolean chunked) throws IOException {
        try (Socket s = new Socket("127.0.0.1", bot.bot.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            long sent = 0;
            try {
                while (sent < bodyBytes) {
                    if (chunked) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        out.write(chunk);
                    }
                    sent += chunk.length;
                    if (s.getInputStream().available() > 0) {
                        break; // answered already: the server stopped reading
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (SocketException closed) {
                // the server answered and closed the connection before the whole body was sent
            }
            return readAnswer(s.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
                String so = b.toString(StandardCharsets.ISO_8859_1);
                int end = so.indexOf("\r\n\r\n");
                if (end > 0 && so.contains("Content-Length: ")) {
                    int len = Integer.parseInt(so.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                    if (b.size() >= end + 4 + len) {
                        break;
                    }
                }
            }
        } catch (SocketException reset) {
            // connection closed after the answer
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertAnonymous(String answer) {
        assertThat(answer).doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("server:")
                .doesNotContain("<html").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aContentLengthOver1MiBIsRefusedWith413BeforeTheBodyIsRead() throws IOException {
        String answer = exchange("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 157286400\r\n\r\n", 256 * 1024, false);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertAnonymous(answer);
        assertThat(incidents()).isEmpty();
    }

    @Test
    void aChunkedBodyIsCutOffAt1MiBWith413() throws IOException {
        String answer = exchange("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", 8L << 20, true);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertAnonymous(answer);
    }

    @Test
    void theSizeLimitHoldsOnEveryPathNotOnlySlackEvents() throws IOException {
        String answer = exchange("POST /hooks/alertmanager HTTP/1.1\r\nHost: x\r\nContent-Length: 157286400\r\n\r\n",
                64 * 1024, false);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertAnonymous(answer);
    }

    @Test
    void aSignedBodyUnder1MiBIsStillServed() {
        String text = "declare sev2 " + "x".repeat(100);
        assertThat(bot.client.command(text, "UALICE001", "CGENERAL1").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidUtf8InThePathGetsAShort400WithoutServerVersionOrStackTrace() throws IOException {
        ListAppender<ILoggingEvent> logs = capture();
        try {
            String answer = exchange("GET /slack/%C0%AF%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0, false);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertAnonymous(answer);
            assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4).strip()).isEqualTo("400 bad request");
        } finally {
            release(logs);
        }
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(logs.list.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void invalidUtf8InASignedBodyGets400AndChangesNothing() throws Exception {
        byte[] body = "token=x&command=%2Fincident&text=declare+\u0000".getBytes(StandardCharsets.ISO_8859_1);
        body[body.length - 1] = (byte) 0xC0;
        String ts = String.valueOf(SignedClient.now());
        String signature = new com.slack.api.app_backend.SlackSignature.Generator(SignedClient.SIGNING_SECRET)
                .generate(ts, new String(body, StandardCharsets.UTF_8));
        String head = "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + signature + "\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket s = new Socket("127.0.0.1", bot.bot.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(body);
            answer = readAnswer(s.getInputStream());
        }

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertAnonymous(answer);
        assertThat(incidents()).isEmpty();
    }

    @Test
    void noAnswerNamesTheServer() {
        for (String path : new String[] {"/healthz", "/nowhere", "/slack/events"}) {
            var r = bot.client.get(path);
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
            assertAnonymous(r.body());
        }
        var post = bot.client.post("{}", "application/json", SignedClient.now(), Map.of());
        assertThat(post.headers().firstValue("Server")).isEmpty();
    }

    private java.util.List<io.incidentbot.incident.Incident> incidents() {
        return bot.bot.storage().transaction(r -> r.incidents().listAll());
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> a = new ListAppender<>();
        a.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(a);
        return a;
    }

    private static void release(ListAppender<ILoggingEvent> a) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(a);
    }
}
