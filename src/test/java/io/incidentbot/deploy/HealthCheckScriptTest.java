package io.incidentbot.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/docker/healthcheck.sh (the image's HEALTHCHECK) run with bash against a local HTTP
 * server standing in for the bot: healthy on 200 only.
 */
class HealthCheckScriptTest {
    private static final Path SCRIPT = Path.of("deploy", "docker", "healthcheck.sh");
    private final AtomicInteger readyStatus = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash, as the image has");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/readyz", exchange -> {
            byte[] body = (readyStatus.get() == 200 ? "ready" : "not ready: auth.test failed: token_revoked")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readyStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private record Result(int exit, String stderr) {
    }

    private static Result check(int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toString(), "/readyz");
        pb.environment().put("PORT", Integer.toString(port));
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("health check finishes").isTrue();
        return new Result(p.exitValue(), err);
    }

    @Test
    void healthyWhenTheBotAnswers200() throws Exception {
        assertThat(check(server.getAddress().getPort()).exit()).isZero();
    }

    @Test
    void unhealthyWhenNotReadyAndHealthyAgainAfterRecovery() throws Exception {
        readyStatus.set(503);
        Result notReady = check(server.getAddress().getPort());
        assertThat(notReady.exit()).isEqualTo(1);
        assertThat(notReady.stderr()).contains("503");
        readyStatus.set(200);
        assertThat(check(server.getAddress().getPort()).exit()).isZero();
    }

    @Test
    void unhealthyWhenNothingListens() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThat(check(closed).exit()).isEqualTo(1);
    }
}
