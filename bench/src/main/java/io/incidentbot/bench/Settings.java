package io.incidentbot.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's knobs. Each has a default; an environment variable {@code BENCH_<NAME>} overrides
 * it, and an argument {@code NAME=value} overrides both (e.g. {@code bench/run.sh N=2000 DURATION=10}).
 */
final class Settings {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("SCENARIOS", "1,2,3,4,5");    // which scenarios to run
        DEFAULTS.put("SERVERS", "ours,baseline");   // which servers scenarios 1 and 4 run against
        DEFAULTS.put("N", "20000");                 // scenario 1: events measured
        DEFAULTS.put("WARMUP", "2000");             // scenario 1: events sent first, not measured (still checked)
        DEFAULTS.put("CONCURRENCY", "32");          // scenario 1: requests in flight
        DEFAULTS.put("REPLY_SHARE", "0.2");         // share of thread replies among events
        DEFAULTS.put("RATE", "200");                // scenario 2: events per second
        DEFAULTS.put("DURATION", "60");             // scenario 2: seconds
        DEFAULTS.put("NOTE_EVERY_MS", "500");       // scenario 2: an /incident note every so often (Web API work)
        DEFAULTS.put("STALL_SHARE", "0.05");        // scenario 2: share of Web API calls that stall
        DEFAULTS.put("STALL_MS", "4000");           // scenario 2: how long a stalled call hangs
        DEFAULTS.put("ENTRIES", "2000,20000,200000"); // scenario 3: timeline entries, one draft per size
        DEFAULTS.put("REPLIES_PER_1000", "250");    // scenario 3: of which thread replies, per 1,000 entries
        DEFAULTS.put("KEY_EVENTS_PER_1000", "15");  // scenario 3: of which key events, per 1,000 entries
        DEFAULTS.put("PARTICIPANTS", "40");         // scenario 3: people
        DEFAULTS.put("WARM_RENDERS", "5");          // scenario 3: renders after the first, in the same JVM (best reported)
        DEFAULTS.put("IMPORT_MESSAGES", "10000,100000"); // scenario 5: messages in the export, one import per size
        DEFAULTS.put("IMPORT_DAYS", "10");          // scenario 5: day files
        DEFAULTS.put("IMPORT_BUSY_SHARE", "0.2");   // scenario 5: share of the messages in the first (busiest) day
        DEFAULTS.put("PROBE_JVM_OPTS", "-Xmx64m");  // the render (3) and import (5) probes' JVMs
        DEFAULTS.put("STARTS", "3");                // scenario 4: starts measured per server (median reported)
        DEFAULTS.put("CDS", "0");                   // 1: scenario 4 also measures starts with an AppCDS archive
        DEFAULTS.put("JVM_OPTS", "-Xmx512m");       // every server JVM (bot, baseline)
        DEFAULTS.put("JFR", "0");                   // 1: JFR profiles of scenario 1 (ours), 3 and 5, summarized
        DEFAULTS.put("DB", "sqlite");               // scenarios 1 and 2 (ours): sqlite, or postgres (a fresh database
                                                    // on INCIDENT_TEST_POSTGRES's server, else .ci/postgres.sh's)
        DEFAULTS.put("REPLICAS", "1");              // scenario 1 (ours): bot processes on one database (2+: DB=postgres)
        DEFAULTS.put("FREEZE_RATE", "10");          // scenario 6: events per second while PostgreSQL is frozen
        DEFAULTS.put("FREEZE_BEFORE", "15");        // scenario 6: seconds before the freeze
        DEFAULTS.put("FREEZE_SECONDS", "75");       // scenario 6: seconds frozen (the proxy forwards nothing)
        DEFAULTS.put("FREEZE_AFTER", "30");         // scenario 6: seconds after the thaw
        DEFAULTS.put("PROBE_EVERY_MS", "5000");     // scenario 6: /livez and /readyz probes, one pair per interval
        DEFAULTS.put("SEED", "42");
        DEFAULTS.put("JAR", "target/incident-bot.jar");
        DEFAULTS.put("CLASSES", "bench/target/classes");
        DEFAULTS.put("RESULTS", "bench/results");
    }

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    static Settings from(Map<String, String> env, String[] args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        DEFAULTS.keySet().forEach(k -> {
            String e = env.get("BENCH_" + k);
            if (e != null && !e.isBlank()) {
                v.put(k, e.trim());
            }
        });
        for (String a : args) {
            int eq = a.indexOf('=');
            String k = eq < 0 ? a : a.substring(0, eq).toUpperCase().replaceFirst("^BENCH_", "");
            if (eq < 0 || !DEFAULTS.containsKey(k)) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; use NAME=value with NAME one of "
                        + DEFAULTS.keySet());
            }
            v.put(k, a.substring(eq + 1).trim());
        }
        return new Settings(v);
    }

    int integer(String k) {
        return Integer.parseInt(values.get(k));
    }

    double decimal(String k) {
        return Double.parseDouble(values.get(k));
    }

    String text(String k) {
        return values.get(k);
    }

    Path path(String k) {
        return Path.of(values.get(k));
    }

    boolean flag(String k) {
        return Set.of("1", "true", "yes").contains(values.get(k).toLowerCase());
    }

    List<String> jvmOptions() {
        return options("JVM_OPTS");
    }

    /** @return the setting split at white space, e.g. JVM options */
    List<String> options(String k) {
        String o = values.get(k).trim();
        return o.isEmpty() ? List.of() : List.of(o.split("\\s+"));
    }

    /** @return the setting as a list of whole numbers, e.g. {@code 2000,20000} */
    List<Integer> integers(String k) {
        List<Integer> out = new java.util.ArrayList<>();
        for (String p : values.get(k).split("[,\\s]+")) {
            if (!p.isBlank()) {
                out.add(Integer.parseInt(p.trim().replace("_", "")));
            }
        }
        return out;
    }

    Set<Integer> scenarios() {
        Set<Integer> s = new TreeSet<>();
        for (String p : values.get("SCENARIOS").split("[,\\s]+")) {
            if (!p.isBlank()) {
                s.add(Integer.parseInt(p.trim()));
            }
        }
        return s;
    }

    /** @return the settings that differ from the defaults, for the report */
    Map<String, String> overrides() {
        Map<String, String> o = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.equals(DEFAULTS.get(k))) {
                o.put(k, v);
            }
        });
        return o;
    }
}
