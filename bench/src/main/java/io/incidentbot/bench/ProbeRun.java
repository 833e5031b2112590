package io.incidentbot.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a fresh JVM (the bench's classes and the bot's jar on its class path)
 * and reads the one {@code RESULT key=value ...} line it prints ({@code _} in a value stands for a space).
 */
final class ProbeRun {
    private ProbeRun() {
    }

    /**
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx64m}
     * @param recording  a JFR file to record into, or null
     * @param log        the child's standard output and error go here
     * @return the RESULT line's values; on failure {@code status=error} and a {@code reason} (naming an
     *         {@code OutOfMemoryError} when the log shows one)
     */
    static Map<String, String> run(Settings s, List<String> jvmOptions, Path recording, Class<?> main, List<String> args,
                                   Path log, long timeoutMinutes) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (recording != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + recording.toAbsolutePath() + ",settings=profile");
        }
        cmd.addAll(List.of("-cp", s.text("CLASSES") + File.pathSeparator + s.text("JAR"), main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        Map<String, String> out = new LinkedHashMap<>();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            out.put("status", "error");
            out.put("reason", main.getSimpleName() + " did not finish within " + timeoutMinutes + " minutes");
            return out;
        }
        List<String> lines = Files.readAllLines(log);
        String result = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse(null);
        boolean oom = lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
        if (result == null || oom) {
            out.put("status", "error");
            out.put("reason", main.getSimpleName() + " exited with " + p.exitValue()
                    + (oom ? " (OutOfMemoryError)" : "") + (result == null ? " and no result" : "") + "; see " + log);
            return out;
        }
        for (String kv : result.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1).replace('_', ' '));
        }
        return out;
    }
}
