package io.incidentbot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lease holder's ID, as written in {@code lease.holder} and {@code outbox.lease_holder}:
 * {@code <pid>@<host>/<process start, epoch ms>/<pid namespace>-<8 random hex>}, e.g.
 * {@code 4242@bot-0/1733591234567/4026531836-7f3a2b1c}. It names the process, so a replica on the same
 * host (and in the same PID namespace: containers sharing a host name still differ there) can tell
 * whether the holder still runs ({@link #isGone()}) instead of waiting for its lease to expire. The
 * start time tells a reused PID (a container's PID 1 after a restart) from the holder itself; the random
 * suffix tells bots in one JVM apart (tests run several).
 *
 * @param pid       the holder's process ID
 * @param host      its host name
 * @param startedMs when its process started (epoch milliseconds), 0 when unknown
 * @param namespace its PID namespace (the inode in {@code /proc/self/ns/pid}), empty when unknown
 * @param suffix    8 random hex digits
 */
public record HolderId(long pid, String host, long startedMs, String namespace, String suffix) {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)@([^/]+)/(\\d+)/([^/]*)-([0-9a-f]{8})");
    private static final HolderId PROCESS = ofThisProcess();

    /** @return a fresh ID for this process (a new random suffix each call) */
    public static HolderId newForThisProcess() {
        return new HolderId(PROCESS.pid, PROCESS.host, PROCESS.startedMs, PROCESS.namespace,
                UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Reads an ID written by {@link #toString()}.
     *
     * @return empty for any other text (e.g. the {@code pid@host-suffix} IDs of releases before 0.3)
     */
    public static Optional<HolderId> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HolderId(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                    m.group(4), m.group(5)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** @return true when this ID's process is this JVM (whatever the suffix) */
    public boolean isThisProcess() {
        return sameMachine() && pid == PROCESS.pid && startedMs == PROCESS.startedMs;
    }

    /**
     * Whether the holder's process is known to be gone: it ran on this host in this PID namespace, and
     * no process with its PID runs now, or the one that does started at another time (the PID was reused).
     * A holder on another host, or one whose start time is unknown, is never called gone: its lease
     * expires as designed.
     */
    public boolean isGone() {
        if (!sameMachine() || startedMs == 0) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // Start instants come from the OS with some rounding: a second apart is another process.
        return started.isPresent() && Math.abs(started.get().toEpochMilli() - startedMs) > 1_000;
    }

    private boolean sameMachine() {
        return host.equals(PROCESS.host) && namespace.equals(PROCESS.namespace);
    }

    @Override
    public String toString() {
        return pid + "@" + host + "/" + startedMs + "/" + namespace + "-" + suffix;
    }

    private static HolderId ofThisProcess() {
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new HolderId(me.pid(), hostName(), started, pidNamespace(), "00000000");
    }

    private static String hostName() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        String host = name.substring(name.indexOf('@') + 1).replace('/', '_');
        return host.isEmpty() ? "localhost" : host;
    }

    private static String pidNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
            return link.replaceAll("\\D", "");
        } catch (Exception notLinux) {
            return "";
        }
    }
}
