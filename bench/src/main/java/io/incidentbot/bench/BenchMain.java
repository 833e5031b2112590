package io.incidentbot.bench;

import io.incidentbot.testkit.SlackStandIn;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark: runs the scenarios against the bot ({@code java -jar target/incident-bot.jar}) and a
 * bare Bolt app on the same server stack ({@link BaselineBolt}), each in its own JVM with the same JVM
 * options, and prints a Markdown table (also written to {@code bench/results/latest.md}).
 * Run it with {@code bench/run.sh}; see {@code bench/README.md}.
 */
public final class BenchMain {
    private static final String DECLARER = "U0BENCH001";

    private final Settings s;
    private final Report report;
    private final Path work;
    private final Path results;
    private final String secret;
    private final List<String> users = new ArrayList<>();

    private BenchMain(Settings s) throws IOException {
        this.s = s;
        this.results = s.path("RESULTS");
        Files.createDirectories(results);
        this.work = Files.createTempDirectory("incident-bot-bench-");
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        this.secret = HexFormat.of().formatHex(b);
        this.report = new Report(s);
        for (int i = 1; i <= 40; i++) {
            users.add(String.format("U0BENCH%03d", i));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.from(System.getenv(), args);
        BenchMain bench = new BenchMain(s);
        int status = bench.run();
        System.exit(status);
    }

    private int run() throws Exception {
        log("work folder " + work + "; logs and recordings in " + results);
        var sc = s.scenarios();
        try (SlackStandIn slack = new SlackStandIn()) {
            if (sc.contains(1) || sc.contains(2) || sc.contains(4)) {
                if (s.text("SERVERS").contains("ours")) {
                    ours(slack);
                }
                if (s.text("SERVERS").contains("baseline")) {
                    baseline(slack);
                }
            }
            if (sc.contains(3)) {
                new RenderScenario(s, work, results, report).run();
            }
            if (sc.contains(5)) {
                new ImportScenario(s, work, results, report).run();
            }
            if (sc.contains(6)) {
                Path log = results.resolve("bot-freeze.log");
                Files.deleteIfExists(log);
                report.s6 = new FreezeScenario(s, log).run(db -> ServerProcess.start("incident-bot", s.jvmOptions(),
                        List.of("-jar", s.text("JAR")), env(slack, db), log), (load, db) -> declare(slack, load, db),
                        secret, slack.url("/response/"), users);
            }
        }
        String md = report.markdown();
        Files.writeString(results.resolve("latest.md"), md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("(written to " + results.resolve("latest.md") + ")");
        deleteTree(work);
        return 0;
    }

    // ---------------------------------------------------------------- the bot

    private Map<String, String> env(SlackStandIn slack, Path db) {
        return env(slack, db.toString());
    }

    private Map<String, String> env(SlackStandIn slack, String db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SLACK_BOT_TOKEN", SlackStandIn.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", secret);
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("INCIDENT_DB", db);
        return env;
    }

    private ServerProcess startOurs(SlackStandIn slack, Path db) throws Exception {
        return startOurs(slack, db.toString());
    }

    private ServerProcess startOurs(SlackStandIn slack, String db) throws Exception {
        return ServerProcess.start("incident-bot", s.jvmOptions(), List.of("-jar", s.text("JAR")), env(slack, db),
                results.resolve("bot.log"));
    }

    private ServerProcess startBaseline(SlackStandIn slack, Path db) throws Exception {
        String cp = s.text("CLASSES") + java.io.File.pathSeparator + s.text("JAR");
        return ServerProcess.start("baseline", s.jvmOptions(), List.of("-cp", cp, BaselineBolt.class.getName()),
                env(slack, db), results.resolve("baseline.log"));
    }

    private void ours(SlackStandIn slack) throws Exception {
        Files.deleteIfExists(results.resolve("bot.log"));
        int starts = Math.max(1, s.integer("STARTS"));
        for (int i = 1; i < starts; i++) {
            try (ServerProcess p = startOurs(slack, work.resolve("start-" + i + ".db"))) {
                report.oursStarts.add(p.startMillis);
                log(String.format("incident-bot start %d: healthy after %.0f ms", i, p.startMillis));
            }
        }
        if (s.scenarios().contains(4)) {
            // Restarts: the same database again, migrated by the first start (the usual start in production).
            Path existing = work.resolve("restart.db");
            try (ServerProcess p = startOurs(slack, existing)) {
                log(String.format("incident-bot first start on restart.db: healthy after %.0f ms", p.startMillis));
            }
            for (int i = 1; i <= starts; i++) {
                try (ServerProcess p = startOurs(slack, existing)) {
                    report.oursRestarts.add(p.startMillis);
                    log(String.format("incident-bot restart %d: healthy after %.0f ms", i, p.startMillis));
                }
            }
        }
        if (s.flag("CDS") && s.scenarios().contains(4)) {
            appCds(slack, starts);
        }
        String db = BenchDatabase.location(s.text("DB"), work.resolve("incidents.db"));
        report.database = s.text("DB");
        log("incident-bot database for scenarios 1 and 2: " + s.text("DB"));
        int replicas = Math.max(1, s.integer("REPLICAS"));
        if (replicas > 1 && !s.text("DB").equals("postgres")) {
            throw new IllegalArgumentException("REPLICAS=" + replicas + " needs DB=postgres (one SQLite file has one writer)");
        }
        if (replicas > 1) {
            report.database = s.text("DB") + ", " + replicas + " replicas";
        }
        List<ServerProcess> others = new ArrayList<>();
        try (ServerProcess bot = startOurs(slack, db)) {
            report.oursStarts.add(bot.startMillis);
            log(String.format("incident-bot start %d: healthy after %.0f ms (pid %d, port %d)", starts, bot.startMillis,
                    bot.process.pid(), bot.port));
            List<Integer> ports = new ArrayList<>(List.of(bot.port));
            for (int i = 2; i <= replicas; i++) {
                ServerProcess other = startOurs(slack, db);
                others.add(other);
                ports.add(other.port);
                log(String.format("incident-bot replica %d: healthy after %.0f ms (port %d)", i, other.startMillis, other.port));
            }
            bot.alsoCount(others);
            LoadGenerator load = new LoadGenerator(ports, secret, slack.url("/response/"));
            IncidentDb.IncidentChannel incident = declare(slack, load, new IncidentDb(db));
            Thread.sleep(2000);
            report.oursRssIdle = bot.rssMiB();
            MessageEvents events = new MessageEvents(incident.channelId(), users, s.decimal("REPLY_SHARE"),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toEpochMilli() * 1000,
                    s.integer("SEED"));
            IncidentDb idb = new IncidentDb(db);
            if (s.scenarios().contains(1)) {
                report.s1Ours = saturation(bot, load, events, () -> idb.messageEntries(incident.number()), s.flag("JFR"));
                report.oursRssAfter = bot.rssMiB();
                report.oursPeakRss = bot.peakRssMiB();
            }
            if (s.scenarios().contains(2)) {
                if (!s.scenarios().contains(1) && s.integer("WARMUP") > 0) {
                    // Scenario 2 normally follows scenario 1 on a warm JVM; alone, it gets the same warm-up.
                    List<String> warm = new ArrayList<>();
                    for (int i = 0; i < s.integer("WARMUP"); i++) {
                        warm.add(events.next(1000));
                    }
                    log("incident-bot: warm-up, " + warm.size() + " events");
                    load.closedLoop(warm, s.integer("CONCURRENCY"));
                }
                report.s2 = new FixedRateScenario(s, slack, users).run(load, events, incident, idb);
            }
        } finally {
            for (ServerProcess other : others) {
                other.close();
            }
        }
    }

    /**
     * Scenario 4 option: the image's recipe for an AppCDS archive ({@code deploy/docker/train-cds.sh}, as
     * the Dockerfile runs it: a server start and a command-line import + draft, one static archive of the
     * classes both loaded), then the starts are measured again with it, as the image's entry point runs.
     */
    private void appCds(SlackStandIn slack, int starts) throws Exception {
        Path jsa = work.resolve("incident-bot.jsa");
        long t0 = System.nanoTime();
        Process train = new ProcessBuilder("deploy/docker/train-cds.sh", s.text("JAR"), jsa.toString(),
                "samples/export", "inc-42-orders-db-failover").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(results.resolve("cds-training.log").toFile())).start();
        int exit = train.waitFor();
        log(String.format("AppCDS training (deploy/docker/train-cds.sh) exit %d after %.0f ms", exit,
                (System.nanoTime() - t0) / 1e6));
        if (exit != 0 || !Files.exists(jsa)) {
            log("AppCDS archive was not written (see cds-training.log); skipping");
            return;
        }
        List<String> opts = new ArrayList<>(s.jvmOptions());
        opts.add("-Xshare:auto");
        opts.add("-XX:SharedArchiveFile=" + jsa);
        for (int i = 1; i <= starts; i++) {
            try (ServerProcess p = ServerProcess.start("incident-bot (AppCDS)", opts, List.of("-jar", s.text("JAR")),
                    env(slack, work.resolve("cds-" + i + ".db")), results.resolve("bot.log"))) {
                report.oursCdsStarts.add(p.startMillis);
                log(String.format("incident-bot with AppCDS start %d: healthy after %.0f ms", i, p.startMillis));
            }
            try (ServerProcess p = ServerProcess.start("incident-bot (AppCDS, restart)", opts, List.of("-jar", s.text("JAR")),
                    env(slack, work.resolve("cds-" + i + ".db")), results.resolve("bot.log"))) {
                report.oursCdsRestarts.add(p.startMillis);
                log(String.format("incident-bot with AppCDS restart %d: healthy after %.0f ms", i, p.startMillis));
            }
        }
    }

    /** Declares an incident with a signed {@code /incident declare} and waits until its channel exists. */
    private IncidentDb.IncidentChannel declare(SlackStandIn slack, LoadGenerator load, IncidentDb db) throws Exception {
        HttpResponse<String> r = load.command("declare sev2 Bench: checkout latency", DECLARER, "C0GENERAL1");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/incident declare answered " + r.statusCode() + ": " + r.body());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var found = db.newestWithChannel();
            if (found.isPresent()) {
                log("incident " + found.get().number() + " declared, channel " + found.get().channelId()
                        + " (stand-in calls: " + slack.callCounts() + ")");
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the incident channel was not created within 30 s; stand-in calls: " + slack.callCounts());
    }

    @FunctionalInterface
    interface Counter {
        long count() throws Exception;
    }

    /** Scenario 1 on one server: warm-up, then N events with C in flight; optionally checks what was stored. */
    private Report.Saturation saturation(ServerProcess server, LoadGenerator load, MessageEvents events, Counter stored,
                                         boolean jfr) throws Exception {
        int warmup = s.integer("WARMUP");
        int n = s.integer("N");
        int c = s.integer("CONCURRENCY");
        List<String> warm = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            warm.add(events.next(1000));
        }
        int replies0 = events.replies();
        List<String> measured = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            measured.add(events.next(1000));
        }
        int replies = events.replies() - replies0;
        long before = stored == null ? 0 : stored.count();
        if (warmup > 0) {
            log(server.name + ": scenario 1 warm-up, " + warmup + " events");
            load.closedLoop(warm, c);
        }
        Path recording = results.resolve("scenario1-" + server.name + ".jfr");
        if (jfr) {
            jcmd(server, "JFR.start", "name=bench", "settings=profile", "filename=" + recording.toAbsolutePath());
        }
        log(server.name + ": scenario 1, " + n + " events (" + replies + " thread replies), " + c + " in flight");
        double cpu0 = server.cpuMillis();
        long own0 = ownCpuNanos();
        LoadGenerator.Result r = load.closedLoop(measured, c);
        double serverCpu = server.cpuMillis() - cpu0;
        double ownCpu = (ownCpuNanos() - own0) / 1e6;
        if (jfr) {
            jcmd(server, "JFR.stop", "name=bench");
        }
        Report.Saturation out = new Report.Saturation(r, warmup + n, replies);
        out.serverCpuMicrosPerEvent = serverCpu * 1000 / n;
        out.generatorCpuMicrosPerEvent = ownCpu * 1000 / n;
        if (stored != null) {
            out.stored = settle(stored, before + warmup + n) - before;
        }
        log(String.format("%s: %.0f events/s, p99 %.1f ms, server CPU %.0f µs/event, generator CPU %.0f µs/event, "
                        + "statuses %s%s", server.name, r.throughput(), r.stats().p99(), out.serverCpuMicrosPerEvent,
                out.generatorCpuMicrosPerEvent, r.statuses(),
                stored == null ? "" : ", stored " + out.stored + " of " + (warmup + n)));
        if (r.firstError() != null) {
            log(server.name + ": first failure: " + r.firstError());
        }
        if (jfr && Files.exists(recording)) {
            String summary = JfrSummary.summarize(recording, 20);
            Files.writeString(results.resolve("scenario1-" + server.name + "-jfr.txt"), summary);
            report.jfrSummary = summary;
        }
        return out;
    }

    /** Waits up to 5 s for the count to reach {@code expected} (or to stop moving), then returns it. */
    static long settle(Counter counter, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = -1;
        int still = 0;
        while (true) {
            long n = counter.count();
            if (n >= expected || System.nanoTime() > deadline) {
                return n;
            }
            still = n == last ? still + 1 : 0;
            if (still >= 10) {
                return n;
            }
            last = n;
            Thread.sleep(100);
        }
    }

    private void jcmd(ServerProcess server, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(server.process.pid()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(results.resolve("jcmd.log").toFile())).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                log("jcmd " + String.join(" ", args) + " failed; see " + results.resolve("jcmd.log"));
            }
        } catch (IOException | InterruptedException e) {
            log("jcmd failed: " + e);
        }
    }

    // ---------------------------------------------------------------- the baseline

    private void baseline(SlackStandIn slack) throws Exception {
        Files.deleteIfExists(results.resolve("baseline.log"));
        int starts = Math.max(1, s.integer("STARTS"));
        for (int i = 1; i < starts; i++) {
            try (ServerProcess p = startBaseline(slack, work.resolve("unused.db"))) {
                report.baseStarts.add(p.startMillis);
            }
        }
        try (ServerProcess base = startBaseline(slack, work.resolve("unused.db"))) {
            report.baseStarts.add(base.startMillis);
            log(String.format("baseline: healthy after %.0f ms (pid %d, port %d)", base.startMillis, base.process.pid(),
                    base.port));
            Thread.sleep(2000);
            report.baseRssIdle = base.rssMiB();
            if (s.scenarios().contains(1)) {
                LoadGenerator load = new LoadGenerator(base.port, secret, slack.url("/response/"));
                MessageEvents events = new MessageEvents("C0BASELINE", users, s.decimal("REPLY_SHARE"),
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toEpochMilli() * 1000,
                        s.integer("SEED"));
                report.s1Base = saturation(base, load, events, null, false);
                report.baseRssAfter = base.rssMiB();
                report.basePeakRss = base.peakRssMiB();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static void log(String line) {
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
