package io.incidentbot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM: the bot ({@code java -jar target/incident-bot.jar}) or the
 * baseline. Measures the time from process start to the first 200 from {@code /healthz}, and reads
 * resident memory from {@code /proc/<pid>/status}.
 */
final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Process process;
    final int port;
    /** Process start to first {@code /healthz} 200, milliseconds. */
    final double startMillis;

    private ServerProcess(String name, Process process, int port, double startMillis) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
    }

    /**
     * Starts {@code java <jvmOptions> <mainArgs>} with {@code env} (plus {@code PORT}, a free port) and
     * waits until {@code /healthz} answers 200.
     *
     * @param log file receiving the process's output
     */
    static ServerProcess start(String name, List<String> jvmOptions, List<String> mainArgs, Map<String, String> env,
                               Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(mainArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            String v = System.getenv(keep);
            if (v != null) {
                pb.environment().put(keep, v);
            }
        }
        pb.environment().putAll(env);
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().putIfAbsent("METRICS_PORT", "0");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + p.exitValue() + " before it was healthy; see " + log);
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " not healthy within 60 s; see " + log);
            }
            Thread.sleep(5);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new ServerProcess(name, p, port, ms);
    }

    /** @return resident set size in MiB ({@code VmRSS}), or NaN where {@code /proc} has none */
    double rssMiB() {
        return procStatusKiB(process.pid(), "VmRSS") / 1024.0;
    }

    /** @return peak resident set size in MiB ({@code VmHWM}) */
    double peakRssMiB() {
        return procStatusKiB(process.pid(), "VmHWM") / 1024.0;
    }

    static double procStatusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return Double.NaN;
    }

    /** Other replicas whose CPU {@link #cpuMillis} adds to this process's (scenario 1 with {@code REPLICAS}). */
    private List<ServerProcess> alsoCounted = List.of();

    /** @param others replicas serving the same load, counted in {@link #cpuMillis} */
    void alsoCount(List<ServerProcess> others) {
        alsoCounted = List.copyOf(others);
    }

    /** @return CPU time (user + system) of this process and the replicas counted with it, milliseconds */
    double cpuMillis() {
        double total = ownCpuMillis();
        for (ServerProcess other : alsoCounted) {
            total += other.ownCpuMillis();
        }
        return total;
    }

    /**
     * @return CPU time the process used so far (user + system, all threads), milliseconds, from
     *         {@code /proc/<pid>/stat}; NaN where there is no {@code /proc}
     */
    private double ownCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000.0 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }

    /** SIGTERM, then up to 20 s for a clean stop, then SIGKILL. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
