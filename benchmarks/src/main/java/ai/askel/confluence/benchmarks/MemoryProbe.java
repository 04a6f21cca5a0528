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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Memory figures of the JVM it runs in (a forked child), between {@link #reset()} and {@link #emit()}: the peak heap
 * (the most in use at one moment, read just before each collection, when the heap is fullest), the live set (the
 * most still in use right after a full collection: what grows when something is buffered), and the process's peak
 * resident set size ({@code VmHWM}).
 *
 * <p>The live set is read after full collections only, which the probe itself asks for every {@link #SAMPLE_EVERY}:
 * after a young collection, G1's old generation still holds whatever garbage was promoted since the last full or mixed
 * one, so the heap in use after young collections grows with their number, not with what the program keeps (the same
 * search measured 15.7 and 24.4 MiB that way in two runs).
 */
final class MemoryProbe {
    /** How often a full collection is asked for while measuring (a few milliseconds each on these small heaps). */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final String FULL_COLLECTION = "end of major GC";

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong maxInUse = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private Thread sampler;

    MemoryProbe() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (measuring.get() && GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        maxInUse.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                        if (FULL_COLLECTION.equals(info.getGcAction())) {
                            maxLive.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                        }
                        collections.incrementAndGet();
                    }
                }, null, null);
            }
        }
    }

    /**
     * Starts measuring: forgets start-up (a full collection, then the figures so far) and starts asking for a full
     * collection every {@link #SAMPLE_EVERY} until {@link #emit()}. Resets VmHWM where Linux allows it.
     */
    void reset() {
        System.gc();
        maxLive.set(heapUsed());
        maxInUse.set(heapUsed());
        collections.set(0);
        measuring.set(true);
        sampler = new Thread(() -> {
            while (measuring.get()) {
                System.gc();
                LockSupport.parkNanos(SAMPLE_EVERY.toNanos());
            }
        }, "memory-probe");
        sampler.setDaemon(true);
        sampler.start();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: VmHWM then includes start-up, which only overstates it
        }
    }

    long heapUsed() {
        return heapPools.stream().map(MemoryPoolMXBean::getUsage).mapToLong(MemoryUsage::getUsed).sum();
    }

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return byPool.entrySet().stream().filter(e -> heapPoolNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** The most heap in use at one moment while measuring (or now, if that is more). */
    long peakHeap() {
        return Math.max(maxInUse.get(), heapUsed());
    }

    /** The largest live set seen after a full collection while measuring. */
    long maxLiveHeap() {
        return maxLive.get();
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

    /** Stops measuring (with a last full collection) and prints the figures as {@code @result} lines for the parent ({@link ChildJvm}). */
    void emit() throws InterruptedException {
        measuring.set(false);
        if (sampler != null) {
            sampler.join(Duration.ofSeconds(10).toMillis());
        }
        maxLive.accumulateAndGet(liveNow(), Math::max);
        ChildJvm.result("peakHeapBytes", peakHeap());
        ChildJvm.result("maxLiveHeapBytes", maxLiveHeap());
        ChildJvm.result("gcCount", collections());
        ChildJvm.result("peakRssBytes", peakRss());
        ChildJvm.result("maxHeapBytes", Runtime.getRuntime().maxMemory());
    }

    private long liveNow() {
        System.gc();
        return heapUsed();
    }
}
