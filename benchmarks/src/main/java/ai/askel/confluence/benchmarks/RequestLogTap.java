package ai.askel.confluence.benchmarks;

import ai.askel.confluence.sandbox.RequestLog;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the sandbox's answers by status while a run goes on. The request log keeps per-endpoint counts but only the
 * last 1000 entries with their status, so this polls those entries often enough not to miss any (it says so if
 * it might have).
 */
final class RequestLogTap implements AutoCloseable {
    private final RequestLog log;
    private final Set<RequestLog.Entry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Map<String, Long> endpointStatuses = new TreeMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    private boolean possiblyMissed;

    RequestLogTap(RequestLog log) {
        this.log = log;
        this.poller = new Thread(this::poll, "request-log-tap");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            drain();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void drain() {
        List<RequestLog.Entry> recent = log.recent();
        if (recent.size() >= 1000 && !recent.isEmpty() && !seen.isEmpty() && !seen.contains(recent.get(0))) {
            possiblyMissed = true;
        }
        for (RequestLog.Entry e : recent) {
            if (seen.add(e)) {
                statuses.merge(e.status(), 1L, Long::sum);
                endpointStatuses.merge(e.endpoint() + " " + e.status(), 1L, Long::sum);
            }
        }
        if (seen.size() > 50_000) { // keep only what the log can still return
            Set<RequestLog.Entry> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(recent);
            seen.retainAll(keep);
        }
    }

    synchronized Map<Integer, Long> statuses() {
        drain();
        return Map.copyOf(statuses);
    }

    /** How often {@code endpoint} (e.g. "POST /wiki/api/v2/pages") answered {@code status}. */
    synchronized long count(String endpoint, int status) {
        drain();
        return endpointStatuses.getOrDefault(endpoint + " " + status, 0L);
    }

    synchronized boolean possiblyMissed() {
        return possiblyMissed;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000); // the poller sleeps 20 ms between polls, so it ends at once; never hang a benchmark on it
        drain();
    }
}
