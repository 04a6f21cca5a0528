package ai.askel.confluence.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Memory figures of the JVM it runs in (a forked child): the peak heap (sum of the heap pools' peaks, an upper bound),
 * the largest heap still in use right after a garbage collection (the live set: what grows when something is
 * buffered), and the process's peak resident set size ({@code VmHWM}).
 */
final class MemoryProbe {
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    MemoryProbe() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPoolNames.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        maxAfterGc.accumulateAndGet(used, Math::max);
                        collections.incrementAndGet();
                    }
                }, null, null);
            }
        }
    }

    /** Forgets the peaks so far (start-up), so that only what follows is measured. Resets VmHWM where Linux allows it. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        maxAfterGc.set(heapUsed());
        collections.set(0);
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: VmHWM then includes start-up, which only overstates it
        }
    }

    long heapUsed() {
        return heapPools.stream().map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    long peakHeap() {
        return heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    /** The largest live set seen after a collection (or the heap in use now, if none ran). */
    long maxLiveHeap() {
        return Math.max(maxAfterGc.get(), collections.get() == 0 ? heapUsed() : 0);
    }

    long collections() {
        return collections.get();
    }

    static long peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Prints the figures as {@code @result} lines for the parent ({@link ChildJvm}). */
    void emit() {
        ChildJvm.result("peakHeapBytes", peakHeap());
        ChildJvm.result("maxLiveHeapBytes", maxLiveHeap());
        ChildJvm.result("gcCount", collections());
        ChildJvm.result("peakRssBytes", peakRss());
        ChildJvm.result("maxHeapBytes", Runtime.getRuntime().maxMemory());
    }
}
