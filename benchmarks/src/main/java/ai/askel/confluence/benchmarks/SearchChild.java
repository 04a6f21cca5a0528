package ai.askel.confluence.benchmarks;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.ports.in.ConnectionRef;
import java.util.stream.Stream;

/**
 * Forked with a small heap by {@link SearchStreamingScenario}: iterates every result of a CQL query through
 * {@code searchAll} and reports how many came back, how long it took and the memory it used.
 *
 * <p>Arguments: site URL, email, token, CQL.
 */
public final class SearchChild {
    private SearchChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        String site = args[0];
        MemoryProbe probe = new MemoryProbe();
        try (Connector connector = Connector.open(site)) {
            ConnectionRef ref = connector.connect("search", site, args[1], args[2]);
            probe.reset();
            long start = System.nanoTime();
            long count;
            long titleChars = 0;
            try (Stream<PageSummary> results = connector.askel().searchPages().searchAll(ref, CqlQuery.raw(args[3]))) {
                long[] acc = new long[2];
                results.forEach(p -> {
                    acc[0]++;
                    acc[1] += p.title().value().length(); // touch each result, keep nothing
                });
                count = acc[0];
                titleChars = acc[1];
            }
            ChildJvm.result("seconds", (System.nanoTime() - start) / 1e9);
            ChildJvm.result("results", count);
            ChildJvm.result("titleChars", titleChars);
        }
        probe.emit();
    }
}
