package io.incidentbot.bench;

import io.incidentbot.testkit.PausableProxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scenario 6, issue 24's profile: {@code FREEZE_RATE} (10) message events/s to one bot on PostgreSQL while the
 * database is frozen for {@code FREEZE_SECONDS} (75) s, after {@code FREEZE_BEFORE} (15) s of normal running and
 * followed by {@code FREEZE_AFTER} (30) s. The bot reaches a fresh database on the test server through the test
 * kit's {@link PausableProxy}, which stops forwarding bytes as a SIGSTOPped server would (the shared test server
 * itself is never stopped). Every {@code PROBE_EVERY_MS} (5,000) ms the bench asks {@code /livez} with a 1 s
 * timeout (a Kubernetes liveness probe's default {@code timeoutSeconds}) and {@code /readyz}, timing both.
 * Reports: the events' answers and their latency percentiles (from each request's slot in the schedule) during
 * the freeze, the probes' outcomes and answer times during the freeze, the log lines the bot wrote during it
 * (stack-trace lines apart), and the message entries stored against the events answered 200.
 */
final class FreezeScenario {
    private static final HttpClient PROBES = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    /** Starts the bot on the given {@code INCIDENT_DB}. */
    @FunctionalInterface
    interface Starter {
        ServerProcess start(String db) throws Exception;
    }

    /** Declares an incident on a running bot. */
    @FunctionalInterface
    interface Declarer {
        IncidentDb.IncidentChannel declare(LoadGenerator load, IncidentDb db) throws Exception;
    }

    /** One probe: when (seconds from the start of the load), which, HTTP status (-1 no answer in time), how long. */
    record Probe(double at, String path, int status, double millis) {
    }

    private final Settings s;
    private final Path botLog;

    FreezeScenario(Settings s, Path botLog) {
        this.s = s;
        this.botLog = botLog;
    }

    /** @return the table's rows for scenario 6 */
    List<String> run(Starter starter, Declarer declarer, String secret, String responseBase, List<String> users)
            throws Exception {
        int rate = s.integer("FREEZE_RATE");
        int before = s.integer("FREEZE_BEFORE");
        int frozen = s.integer("FREEZE_SECONDS");
        int after = s.integer("FREEZE_AFTER");
        String pg = BenchDatabase.location("postgres", null);
        URI server = URI.create(pg.substring("jdbc:".length()));
        try (PausableProxy proxy = new PausableProxy(server.getHost(), server.getPort());
             ServerProcess bot = starter.start(pg.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"))) {
            IncidentDb db = new IncidentDb(pg);
            LoadGenerator load = new LoadGenerator(List.of(bot.port), secret, responseBase);
            IncidentDb.IncidentChannel incident = declarer.declare(load, db);
            MessageEvents events = new MessageEvents(incident.channelId(), users, s.decimal("REPLY_SHARE"),
                    System.currentTimeMillis() / 1000 * 1_000_000 + 1_000_000, s.integer("SEED"));
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < rate * (before + frozen + after); i++) {
                bodies.add(events.next(1_000_000L / rate));
            }
            long stored0 = db.messageEntries(incident.number());
            List<Probe> probes = new CopyOnWriteArrayList<>();
            long[] logLines = new long[4];
            long start = System.nanoTime();
            Thread watcher = new Thread(() -> watch(bot.port, proxy, start, before, frozen, before + frozen + after,
                    probes, logLines), "freeze-watcher");
            BenchMain.log("incident-bot: scenario 6, " + rate + " events/s for " + (before + frozen + after)
                    + " s, PostgreSQL frozen from " + before + " s for " + frozen + " s");
            watcher.start();
            LoadGenerator.Result r = load.fixedRate(bodies, rate, 5000);
            watcher.join();
            long ok = r.statuses().getOrDefault(200, 0);
            long stored = BenchMain.settle(() -> db.messageEntries(incident.number()), stored0 + ok) - stored0;
            long[] during = Arrays.copyOfRange(r.latencies(), rate * before, rate * (before + frozen));
            return rows(rate, before, frozen, after, r, Latencies.of(during), probes, logLines, stored);
        }
    }

    /** Probes every PROBE_EVERY_MS, freezes and thaws the proxy on time, and counts the bot's log lines at each. */
    private void watch(int port, PausableProxy proxy, long start, int before, int frozen, int total, List<Probe> probes,
                       long[] logLines) {
        long every = s.integer("PROBE_EVERY_MS") * 1_000_000L;
        boolean paused = false;
        boolean resumed = false;
        try {
            for (long next = start; ; next += every) {
                double at = (System.nanoTime() - start) / 1e9;
                if (!paused && at >= before) {
                    logLines[0] = lines(false);
                    logLines[1] = lines(true);
                    proxy.pause();
                    paused = true;
                    BenchMain.log("PostgreSQL frozen (proxy paused)");
                }
                if (paused && !resumed && at >= before + frozen) {
                    logLines[2] = lines(false) - logLines[0];
                    logLines[3] = lines(true) - logLines[1];
                    proxy.resume();
                    resumed = true;
                    BenchMain.log("PostgreSQL thawed (proxy resumed)");
                }
                if (at >= total) {
                    return;
                }
                probes.add(probe(port, "/livez", at, Duration.ofSeconds(1)));
                probes.add(probe(port, "/readyz", at, Duration.ofSeconds(5)));
                long wait = Math.min(next + every, start + (long) ((paused ? before + frozen : before) * 1e9))
                        - System.nanoTime();
                Thread.sleep(Math.max(0, Math.min(wait, every) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            proxy.resume();
        }
    }

    private static Probe probe(int port, String path, double at, Duration timeout) {
        long t0 = System.nanoTime();
        int status;
        try {
            status = PROBES.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new Probe(at, path, status, (System.nanoTime() - t0) / 1e6);
    }

    /** @return the bot log's lines so far: all, or only stack-trace lines ({@code \tat ...}) */
    private long lines(boolean stackTrace) {
        try (var l = Files.lines(botLog, StandardCharsets.UTF_8)) {
            return l.filter(x -> !stackTrace || x.startsWith("\tat ")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static List<String> rows(int rate, int before, int frozen, int after, LoadGenerator.Result r,
                                     Latencies during, List<Probe> probes, long[] logLines, long stored) {
        List<Probe> inFreeze = probes.stream().filter(p -> p.at() >= before && p.at() < before + frozen).toList();
        List<String> out = new ArrayList<>();
        String scenario = "PostgreSQL frozen " + frozen + " s (proxy paused) at " + rate + " events/s, "
                + before + " s before and " + after + " s after";
        out.add(row("6", scenario, "events sent; answers (HTTP status: count)", String.format("%,d in %.0f s (%.1f/s); %s",
                r.sent(), r.elapsedNanos() / 1e9, r.sent() / (r.elapsedNanos() / 1e9), r.statuses()), "–", ""));
        out.add(row("", "", "answers during the freeze p50 / p90 / p99 / max", String.format("%.0f / %.0f / %.0f / %.0f ms",
                during.p50(), during.p90(), during.p99(), during.max()), "< 3 s", during.max() < 3000 ? "ok" : "MISSED"));
        out.add(row("", "", "`/livez` probes during the freeze (1 s timeout)", outcome(inFreeze, "/livez"), "all 200",
                inFreeze.stream().filter(p -> p.path().equals("/livez")).allMatch(p -> p.status() == 200) ? "ok" : "MISSED"));
        out.add(row("", "", "`/readyz` during the freeze: answers, slowest", outcome(inFreeze, "/readyz"), "< 1 s",
                inFreeze.stream().filter(p -> p.path().equals("/readyz")).allMatch(p -> p.status() > 0 && p.millis() < 1000)
                        ? "ok" : "MISSED"));
        out.add(row("", "", "bot log lines written during the freeze (of which stack-trace lines)",
                logLines[2] + " (" + logLines[3] + ")", "one per state change", ""));
        out.add(row("", "", "stored after the thaw / answered 200", stored + " / " + r.statuses().getOrDefault(200, 0),
                "equal", stored == r.statuses().getOrDefault(200, 0) ? "ok" : "MISSED"));
        return out;
    }

    private static String outcome(List<Probe> probes, String path) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        double slowest = 0;
        for (Probe p : probes) {
            if (p.path().equals(path)) {
                statuses.merge(p.status(), 1, Integer::sum);
                slowest = Math.max(slowest, p.millis());
            }
        }
        return statuses.toString().replace("-1=", "no answer=") + String.format(", slowest %.0f ms", slowest);
    }

    private static String row(String n, String scenario, String measure, String ours, String target, String verdict) {
        return "| " + n + " | " + scenario + " | " + measure + " | " + ours + " |  |  | " + target + " | " + verdict + " |\n";
    }
}
