package io.incidentbot.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarizes the {@code jdk.ExecutionSample} events of a JFR recording: the methods most often on top of
 * the stack (self time), the share of samples whose stack passes through each part of the stack
 * (inclusive), and the busiest threads. Same data as {@code jfr print --events jdk.ExecutionSample},
 * counted.
 */
public final class JfrSummary {
    /** Parts of the stack, first match on the stack (innermost frame first) wins for each category. */
    private static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("SQLite (sqlite-jdbc native + JDBC)", List.of("org.sqlite."));
        PARTS.put("JDBI / HikariCP", List.of("org.jdbi.", "com.zaxxer.hikari."));
        PARTS.put("JSON (Jackson + Gson)", List.of("com.fasterxml.jackson.", "com.google.gson."));
        PARTS.put("signature HMAC", List.of("javax.crypto.", "com.sun.crypto.", "SlackSignature"));
        PARTS.put("Bolt (App.run, parser, middlewares)", List.of("com.slack.api.bolt."));
        PARTS.put("incident-bot code", List.of("io.incidentbot."));
        PARTS.put("logging (Logback/SLF4J)", List.of("ch.qos.logback.", "org.slf4j."));
        PARTS.put("Jetty", List.of("org.eclipse.jetty."));
        PARTS.put("Slack Web API client (okhttp)", List.of("com.slack.api.methods.", "okhttp3.", "okio."));
    }

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(summarize(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 15));
    }

    static String summarize(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jdk.NativeMethodSample")) {
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                String top0 = name(st.getFrames().get(0));
                // Threads parked in a selector or accept are idle, not working.
                if (top0.contains("EPoll.wait") || top0.contains("Net.accept") || top0.contains("Net.poll")
                        || top0.contains("ServerSocketChannelImpl.accept")) {
                    continue;
                }
                nativeSamples++;
                nativeTop.merge(top0, 1, Integer::sum);
                continue;
            }
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            var thread = e.getThread("sampledThread");
            String tn = thread == null ? "?" : thread.getJavaName();
            threads.merge(tn == null ? "?" : tn.replaceAll("[-#]?\\d+$", "-N"), 1, Integer::sum);
            self.merge(name(st.getFrames().get(0)), 1, Integer::sum);
            for (RecordedFrame f : st.getFrames()) {
                String n = name(f);
                if (n.startsWith("io.incidentbot.") && !n.startsWith("io.incidentbot.bench.")) {
                    ours.merge(n, 1, Integer::sum);
                    break;
                }
            }
            for (var p : PARTS.entrySet()) {
                for (RecordedFrame f : st.getFrames()) {
                    String n = name(f);
                    if (p.getValue().stream().anyMatch(n::contains) && !n.startsWith("io.incidentbot.bench.")) {
                        parts.merge(p.getKey(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("JFR ").append(recording.getFileName()).append(": ").append(samples).append(" execution samples\n");
        b.append("\nTop methods (self, share of samples):\n");
        appendTop(b, self, samples, top);
        b.append("\nStack passes through (inclusive; categories overlap):\n");
        appendTop(b, parts, samples, PARTS.size());
        b.append("\nInnermost incident-bot method on the stack (inclusive):\n");
        appendTop(b, ours, samples, 12);
        b.append("\nIn native code, not idle (jdk.NativeMethodSample, ").append(nativeSamples)
                .append(" samples; SQLite runs here):\n");
        appendTop(b, nativeTop, nativeSamples, 8);
        b.append("\nThreads:\n");
        appendTop(b, threads, samples, 8);
        return b.toString();
    }

    private static void appendTop(StringBuilder b, Map<String, Integer> counts, int total, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> b.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getKey())));
    }

    private static String name(RecordedFrame f) {
        var m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
