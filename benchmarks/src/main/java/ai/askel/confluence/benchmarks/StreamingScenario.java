package ai.askel.confluence.benchmarks;

import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * a large attachment (1 GiB by default) uploaded through the connector in a JVM with {@code -Xmx64m}.
 * The same upload of 64 MiB shows whether memory grows with the file size, and the same request made with the bare
 * JDK HttpClient is the throughput floor.
 */
final class StreamingScenario implements Scenario {
    static final String HEAP = "-Xmx64m";
    private static final long SMALL = 64 * Sizes.MIB;

    @Override
    public String id() {
        return "streaming";
    }

    @Override
    public String title() {
        return "2. Streaming a large attachment with " + HEAP;
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        long large = config.attachmentMib() * Sizes.MIB;
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().maxAttachmentBytes(large + Sizes.MIB).start()) {
            String pageId = sandbox.createPage("INFRA", "Streaming target", "<p>files</p>", "ada@example.com");
            Map<String, String> small = upload(sandbox, "connector", pageId, SMALL);
            RequestLogSettling.settle(sandbox.requestLog());
            sandbox.resetCounters();
            Map<String, String> big = upload(sandbox, "connector", pageId, large);
            RequestLogSettling.settle(sandbox.requestLog());
            long uploadCalls = sandbox.requestLog().count("PUT /wiki/rest/api/content/{id}/child/attachment");
            Map<String, String> floor = upload(sandbox, "jdk", pageId, large);

            String mib = config.attachmentMib() + " MiB";
            double throughput = Sizes.mib(large) / Double.parseDouble(big.get("seconds"));
            double floorThroughput = Sizes.mib(large) / Double.parseDouble(floor.get("seconds"));
            section.figure("attachment size sent and stored", Sizes.mib(big.get("attachmentSize")), "MiB",
                    Target.atLeast(Sizes.mib(large), "the whole file"), "size in the connector's result");
            section.figure("upload calls for " + mib, uploadCalls, "",
                    Target.atMost(1, "one streamed PUT"), "sandbox request log, registration excluded");
            section.figure("peak heap, " + mib, Sizes.mib(big.get("peakHeapBytes")), "MiB",
                    Target.atMost(64, "the " + HEAP + " limit"), "most in use at one moment (read before each collection), " + big.get("gcCount") + " GCs");
            double smallLive = Sizes.mib(small.get("maxLiveHeapBytes"));
            double bigLive = Sizes.mib(big.get("maxLiveHeapBytes"));
            section.figure("live heap after GC, 64 MiB file", smallLive, "MiB", "largest heap in use right after a full collection (one every 250 ms)");
            section.figure("live heap after GC, " + mib, bigLive, "MiB",
                    Target.atMost(smallLive + 4, "64 MiB file + 4 MiB: no growth with file size"), "largest heap in use right after a full collection (one every 250 ms)");
            double smallRss = Sizes.mib(small.get("peakRssBytes"));
            section.figure("process peak RSS (VmHWM), 64 MiB file", smallRss, "MiB", "whole JVM: heap, metaspace, code, threads, buffers");
            section.figure("process peak RSS (VmHWM), " + mib, Sizes.mib(big.get("peakRssBytes")), "MiB",
                    Target.atMost(smallRss + 32, "64 MiB file + 32 MiB: no growth with file size"), "whole JVM");
            section.figure("throughput through the connector", throughput, "MiB/s",
                    Target.atLeast(floorThroughput * 0.5, "half the bare JDK HttpClient's rate"), "sandbox on the same machine spools to disk");
            section.figure("throughput, bare JDK HttpClient (floor)", floorThroughput, "MiB/s", "same multipart PUT, same child heap");
            section.figure("peak heap, bare JDK HttpClient", Sizes.mib(floor.get("peakHeapBytes")), "MiB", "for comparison");
            section.note("Each upload runs in a fresh JVM (" + HEAP + ", default GC) that registers its connection first;"
                    + " peaks are reset after start-up (heap pools; VmHWM via /proc/self/clear_refs), so they cover the upload only.");
            section.note("The content is generated while it is sent (a repeated 64 KiB pseudo-random block), so neither side reads a file.");
        }
    }

    private static Map<String, String> upload(ConfluenceSandbox sandbox, String mode, String pageId, long bytes) throws Exception {
        return ChildJvm.run(StreamingChild.class, List.of(HEAP), List.of(mode, sandbox.baseUrl(), "ada@example.com", "ada-token",
                pageId, Long.toString(bytes)), Duration.ofMinutes(10));
    }
}
