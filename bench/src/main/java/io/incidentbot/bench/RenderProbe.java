package io.incidentbot.bench;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scenario 3, run in a fresh JVM: opens the database, then renders the postmortem draft of one
 * incident to a file, timing it, and measures heap use during the render ({@link HeapWatch}: heap
 * used just before each collection, and what was left after it) and the bytes the rendering thread
 * allocated, and the rendering thread's CPU time (steadier than wall time on a shared machine). Then
 * renders it again a few times, warm. Prints one {@code RESULT key=value ...} line for the harness
 * (times in ms, sizes in MiB).
 *
 * <p>Arguments: {@code <sqlite file> <incident number> <output .md> <warm repeats>}
 */
public final class RenderProbe {
    private RenderProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        long number = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        int warm = Integer.parseInt(args[3]);
        long t0 = System.nanoTime();
        try (Storage storage = Database.open(db.toString())) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            PostmortemHook.Renderer renderer = PostmortemHook.find(storage);
            HeapWatch heap = new HeapWatch();
            System.gc();
            Thread.sleep(200);
            long heapBefore = HeapWatch.used();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            heap.start();
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long r0 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                renderer.render(number, w);
            }
            long coldNanos = System.nanoTime() - r0;
            long coldCpu = threads.getCurrentThreadCpuTime() - cpu0;
            long allocated = threads.getThreadAllocatedBytes(tid) - alloc0;
            long heapEnd = HeapWatch.used();
            heap.stop();
            long warmBest = Long.MAX_VALUE;
            long warmCpu = Long.MAX_VALUE;
            for (int i = 0; i < warm; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    renderer.render(number, w);
                }
                warmBest = Math.min(warmBest, System.nanoTime() - w0);
                warmCpu = Math.min(warmCpu, threads.getCurrentThreadCpuTime() - c0);
            }
            long bytes = Files.size(out);
            long lines;
            try (var s = Files.lines(out)) {
                lines = s.count();
            }
            System.out.printf("RESULT status=ok open_ms=%.1f cold_ms=%.1f warm_ms=%.1f cold_cpu_ms=%.1f warm_cpu_ms=%.1f"
                            + " heap_before_mib=%.1f"
                            + " peak_heap_mib=%.1f max_live_after_gc_mib=%.1f allocated_mib=%.1f gcs=%d bytes=%d lines=%d"
                            + " max_heap_mib=%.0f gc=%s%n",
                    openMs, coldNanos / 1e6, warm > 0 ? warmBest / 1e6 : Double.NaN, coldCpu / 1e6,
                    warm > 0 ? warmCpu / 1e6 : Double.NaN, HeapWatch.mib(heapBefore),
                    HeapWatch.mib(heap.peak(heapEnd)), HeapWatch.mib(heap.maxLiveAfterGc()), HeapWatch.mib(allocated),
                    heap.collections(), bytes, lines, HeapWatch.mib(Runtime.getRuntime().maxMemory()),
                    HeapWatch.collectors().replace(' ', '_'));
        }
    }
}
