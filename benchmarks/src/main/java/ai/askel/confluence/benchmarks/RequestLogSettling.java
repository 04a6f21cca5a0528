package ai.askel.confluence.benchmarks;

import ai.askel.confluence.sandbox.RequestLog;

/**
 * The sandbox logs a request once its answer has gone out, so the client can see the answer a moment before the
 * log counts it. Counting right after a step would then miss its last call (or charge it to the next step). This waits
 * until the log has been still for a few milliseconds.
 */
final class RequestLogSettling {
    private static final int QUIET_POLLS = 3;
    private static final long POLL_MILLIS = 5;
    private static final long MAX_MILLIS = 1_000;

    private RequestLogSettling() {
    }

    static void settle(RequestLog log) {
        long deadline = System.currentTimeMillis() + MAX_MILLIS;
        long last = log.total();
        int quiet = 0;
        while (quiet < QUIET_POLLS && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = log.total();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }
}
