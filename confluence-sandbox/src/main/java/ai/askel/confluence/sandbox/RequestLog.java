package ai.askel.confluence.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request the sandbox answered (admin calls excepted), counted per endpoint. An endpoint is the method and the
 * route template, e.g. {@code "GET /wiki/api/v2/pages/{id}"}; requests that matched no route count under
 * {@code "GET (unmatched)"}.
 */
public final class RequestLog {

    /** One answered request. {@code accountId} is empty for anonymous or rejected requests. */
    public record Entry(Instant at, String method, String path, String endpoint, int status, String accountId,
                        long millis) {
    }

    private static final int RECENT = 1_000;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    private final Deque<Entry> recent = new ArrayDeque<>();

    void record(Entry entry) {
        counts.computeIfAbsent(entry.endpoint(), k -> new LongAdder()).increment();
        total.increment();
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(entry);
        }
    }

    /** How many requests hit {@code endpoint} ("METHOD /route/{template}") since the last reset. */
    public long count(String endpoint) {
        LongAdder adder = counts.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    /** All requests since the last reset. */
    public long total() {
        return total.sum();
    }

    /** Counts per endpoint, sorted by endpoint. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            long n = v.sum();
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** The most recent requests (up to 1000), oldest first. */
    public List<Entry> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Forgets all counts and entries. */
    public void reset() {
        counts.clear();
        total.reset();
        synchronized (recent) {
            recent.clear();
        }
    }
}
