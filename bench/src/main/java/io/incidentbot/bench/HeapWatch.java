package io.incidentbot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap use of this JVM while something runs, from GC notifications: the heap used just before each
 * collection (the peak the application reached), the most still live just after one (what it really
 * held), and the number of collections. Used by the probes ({@link RenderProbe}, {@link ImportProbe}),
 * each in its own JVM. Sizes are bytes.
 */
final class HeapWatch {
    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong gcs = new AtomicLong();
    private volatile boolean measuring;

    /** Subscribes to every collector's notifications; counts nothing until {@link #start}. */
    HeapWatch() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPools.add(p.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (!measuring || !n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                gcs.incrementAndGet();
                peakBeforeGc.accumulateAndGet(sum(info.getMemoryUsageBeforeGc()), Math::max);
                peakAfterGc.accumulateAndGet(sum(info.getMemoryUsageAfterGc()), Math::max);
            }, null, null);
        }
    }

    /** Starts counting. */
    void start() {
        measuring = true;
    }

    /**
     * Stops counting once the notifications still in flight (they arrive on another thread) have had
     * 300 ms to arrive.
     */
    void stop() throws InterruptedException {
        Thread.sleep(300);
        measuring = false;
    }

    /**
     * @param endUsed heap used when the measured work ended, bytes
     * @return the larger of it and the most used just before a collection, bytes
     */
    long peak(long endUsed) {
        return Math.max(peakBeforeGc.get(), endUsed);
    }

    /** @return the most heap still live just after a collection, bytes (0 without a collection) */
    long maxLiveAfterGc() {
        return peakAfterGc.get();
    }

    /** @return collections seen while counting */
    long collections() {
        return gcs.get();
    }

    /** @return heap used now, bytes */
    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** @return the collectors' names, e.g. {@code G1 Young Generation+G1 Old Generation} */
    static String collectors() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    /** @return bytes in MiB */
    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private long sum(Map<String, MemoryUsage> usage) {
        long total = 0;
        for (var e : usage.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                total += e.getValue().getUsed();
            }
        }
        return total;
    }
}
