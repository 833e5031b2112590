package io.incidentbot.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The bot as a real child JVM ({@code io.incidentbot.Main}), for kill -9 and log tests. */
public final class ChildBot implements AutoCloseable {
    private final Process process;
    public final int port;
    public final SignedClient client;
    public final Path log;

    private ChildBot(Process process, int port, SignedClient client, Path log) {
        this.process = process;
        this.port = port;
        this.client = client;
        this.log = log;
    }

    /**
     * Starts {@code java -cp <test class path> io.incidentbot.Main} with {@code env} (its PORT is
     * replaced by a free port) and waits until {@code /healthz} answers 200.
     *
     * @param log file receiving the child's standard output and error (appended)
     */
    public static ChildBot start(SlackStandIn slack, Map<String, String> env, Path log) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.incidentbot.Main"));
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().putIfAbsent("METRICS_PORT", "0");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        ChildBot child = new ChildBot(p, port, new SignedClient(port, slack.url("/response/")), log);
        SlackStandIn.await("child bot healthy", 30, () -> {
            if (!p.isAlive()) {
                throw new AssertionError("child bot exited with " + p.exitValue());
            }
            try {
                HttpResponse<String> r = child.client.get("/healthz");
                return r.statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return child;
    }

    /** @return the child JVM's process ID */
    public long pid() {
        return process.pid();
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit. @return the exit status */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child bot did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

}
