package io.incidentbot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3, run in a fresh JVM: opens the database, then renders the postmortem draft of one
 * incident to a file, timing it, and measures heap use during the render from GC notifications
 * (heap used just before each collection, and what was left after it) and the bytes the rendering
 * thread allocated. Then renders it again a few times, warm. Prints one {@code RESULT key=value ...}
 * line for the harness.
 *
 * <p>Arguments: {@code <sqlite file> <incident number> <output .md> <warm repeats>}
 */
public final class RenderProbe {
    private static final Set<String> HEAP_POOLS = new HashSet<>();
    private static final AtomicLong PEAK_BEFORE_GC = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static final AtomicLong GCS = new AtomicLong();
    private static volatile boolean measuring;

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
            listenToGc();
            System.gc();
            Thread.sleep(200);
            long heapBefore = heapUsed();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            measuring = true;
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            long r0 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                renderer.render(number, w);
            }
            long coldNanos = System.nanoTime() - r0;
            long allocated = threads.getThreadAllocatedBytes(tid) - alloc0;
            long heapEnd = heapUsed();
            Thread.sleep(300); // GC notifications arrive asynchronously
            measuring = false;
            long peak = Math.max(PEAK_BEFORE_GC.get(), heapEnd);
            long gcs = GCS.get();
            long warmBest = Long.MAX_VALUE;
            for (int i = 0; i < warm; i++) {
                long w0 = System.nanoTime();
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    renderer.render(number, w);
                }
                warmBest = Math.min(warmBest, System.nanoTime() - w0);
            }
            long bytes = Files.size(out);
            long lines;
            try (var s = Files.lines(out)) {
                lines = s.count();
            }
            System.out.printf("RESULT status=ok open_ms=%.1f cold_ms=%.1f warm_ms=%.1f heap_before_mib=%.1f"
                            + " peak_heap_mib=%.1f max_live_after_gc_mib=%.1f allocated_mib=%.1f gcs=%d bytes=%d lines=%d"
                            + " max_heap_mib=%.0f%n",
                    openMs, coldNanos / 1e6, warm > 0 ? warmBest / 1e6 : Double.NaN, mib(heapBefore), mib(peak),
                    mib(PEAK_AFTER_GC.get()), mib(allocated), gcs, bytes, lines,
                    mib(Runtime.getRuntime().maxMemory()));
        }
    }

    private static void listenToGc() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                HEAP_POOLS.add(p.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (!measuring || !n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                GCS.incrementAndGet();
                PEAK_BEFORE_GC.accumulateAndGet(sum(info.getMemoryUsageBeforeGc()), Math::max);
                PEAK_AFTER_GC.accumulateAndGet(sum(info.getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
    }

    private static long sum(Map<String, MemoryUsage> usage) {
        long total = 0;
        for (var e : usage.entrySet()) {
            if (HEAP_POOLS.contains(e.getKey())) {
                total += e.getValue().getUsed();
            }
        }
        return total;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
