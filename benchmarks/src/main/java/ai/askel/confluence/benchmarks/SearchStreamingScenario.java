package ai.askel.confluence.benchmarks;

import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * iterating every result of a CQL search through {@code searchAll}, 1/10 of the results and all of them,
 * each in a fresh JVM with a small heap. The live heap must not grow with the number of results.
 */
final class SearchStreamingScenario implements Scenario {
    static final String HEAP = "-Xmx32m";
    private static final String SEARCH = "GET /wiki/rest/api/content/search";

    @Override
    public String id() {
        return "search";
    }

    @Override
    public String title() {
        return "4. Search streaming with " + HEAP;
    }

    @Override
    public void run(BenchConfig config, Report.Section section) throws Exception {
        int total = config.searchResults();
        int tenth = Math.max(1, total / 10);
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().space("BULK", "Bulk").space("TENTH", "Tenth").start()) {
            String body = "<p>A page of the search benchmark, with a little text so that results are not empty.</p>";
            for (int i = 0; i < total; i++) {
                sandbox.createPage("BULK", "Search result " + i, body, "ada@example.com");
            }
            for (int i = 0; i < tenth; i++) {
                sandbox.createPage("TENTH", "Search result " + i, body, "ada@example.com");
            }
            // each space also holds its homepage
            Map<String, String> few = search(sandbox, "TENTH");
            RequestLogSettling.settle(sandbox.requestLog());
            sandbox.resetCounters();
            Map<String, String> all = search(sandbox, "BULK");
            RequestLogSettling.settle(sandbox.requestLog());
            long calls = sandbox.requestLog().count(SEARCH);

            long expected = total + 1L;
            section.figure("results iterated", Long.parseLong(all.get("results")), "",
                    Target.atLeast(expected, "every page of the space"), total + " pages + the space homepage");
            section.figure("search calls for " + expected + " results", calls, "",
                    Target.atMost(Math.ceil(expected / 250.0), "250 results per call, the v1 search maximum"),
                    "sandbox request log (includes the final empty page, if any)");
            double fewLive = Sizes.mib(few.get("maxLiveHeapBytes"));
            double allLive = Sizes.mib(all.get("maxLiveHeapBytes"));
            section.figure("live heap after GC, " + (tenth + 1) + " results", fewLive, "MiB", "largest heap in use right after a full collection (one every 250 ms)");
            section.figure("live heap after GC, " + expected + " results", allLive, "MiB",
                    Target.atMost(fewLive + 4, (tenth + 1) + " results + 4 MiB: no growth with result count"), all.get("gcCount") + " GCs");
            section.figure("peak heap, " + (tenth + 1) + " results", Sizes.mib(few.get("peakHeapBytes")), "MiB", "most in use at one moment (read before each collection)");
            section.figure("peak heap, " + expected + " results", Sizes.mib(all.get("peakHeapBytes")), "MiB",
                    Target.atMost(32, "the " + HEAP + " limit"), "most in use at one moment (read before each collection)");
            section.figure("process peak RSS, " + expected + " results", Sizes.mib(all.get("peakRssBytes")), "MiB", "VmHWM");
            section.figure("results per second", expected / Double.parseDouble(all.get("seconds")), "results/s",
                    "sandbox (same machine) renders every result with space, version, labels and ancestors");
        }
    }

    private static Map<String, String> search(ConfluenceSandbox sandbox, String space) throws Exception {
        return ChildJvm.run(SearchChild.class, List.of(HEAP), List.of(sandbox.baseUrl(), "ada@example.com", "ada-token",
                "type = page and space = " + space), Duration.ofMinutes(10));
    }
}
