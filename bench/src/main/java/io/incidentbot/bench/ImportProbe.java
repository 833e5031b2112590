package io.incidentbot.bench;

import io.incidentbot.cli.Cli;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Scenario 5, run in a fresh JVM: {@code import <export> --channel <name>} through the command line's
 * own entry point ({@link Cli#run}, as {@code java -jar incident-bot.jar import ...} runs it) into a new
 * SQLite file, timing it (wall and the main thread's CPU) and watching the heap ({@link HeapWatch}); the
 * draft it prints goes to a file.
 * Then counts the timeline entries stored. Prints one {@code RESULT key=value ...} line (times in ms,
 * sizes in MiB).
 *
 * <p>Arguments: {@code <export folder> <channel> <new sqlite file> <draft .md>}
 */
public final class ImportProbe {
    private ImportProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path export = Path.of(args[0]);
        String channel = args[1];
        Path db = Path.of(args[2]);
        Path draft = Path.of(args[3]);
        HeapWatch heap = new HeapWatch();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status;
        heap.start();
        long alloc0 = threads.getThreadAllocatedBytes(tid);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(draft); PrintStream out = new PrintStream(file, false, StandardCharsets.UTF_8);
             PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            status = Cli.run(new String[] {"import", export.toString(), "--channel", channel}, out, err,
                    Map.of("INCIDENT_DB", db.toString()));
            out.flush();
        }
        long nanos = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long allocated = threads.getThreadAllocatedBytes(tid) - alloc0;
        long heapEnd = HeapWatch.used();
        heap.stop();
        String err = errBytes.toString(StandardCharsets.UTF_8).strip();
        System.out.println("import said: " + err);
        if (status != 0) {
            System.out.println("RESULT status=error reason=import_exited_with_" + status);
            return;
        }
        long entries;
        try (Storage storage = Database.open(db.toString())) {
            entries = storage.transaction(r -> {
                long[] n = {0};
                r.timeline().forEach(1, e -> n[0]++);
                return n[0];
            });
        }
        System.out.printf("RESULT status=ok import_ms=%.1f cpu_ms=%.1f peak_heap_mib=%.1f max_live_after_gc_mib=%.1f allocated_mib=%.1f"
                        + " gcs=%d entries=%d draft_bytes=%d max_heap_mib=%.0f gc=%s%n",
                nanos / 1e6, cpu / 1e6, HeapWatch.mib(heap.peak(heapEnd)), HeapWatch.mib(heap.maxLiveAfterGc()),
                HeapWatch.mib(allocated), heap.collections(), entries, Files.size(draft),
                HeapWatch.mib(Runtime.getRuntime().maxMemory()), HeapWatch.collectors().replace(' ', '_'));
    }
}
