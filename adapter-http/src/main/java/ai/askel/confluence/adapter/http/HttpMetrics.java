package ai.askel.confluence.adapter.http;

import ai.askel.confluence.ports.in.MetricsSnapshot;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP requests this adapter served, by method, route template and status, and writes
 * them with the connector's Confluence counters in the Prometheus text exposition format (0.0.4).
 */
@Singleton
final class HttpMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Key(String method, String route, int status) {
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder micros = new LongAdder();
    }

    private final ConcurrentMap<Key, Counter> requests = new ConcurrentHashMap<>();

    @Inject
    HttpMetrics() {
    }

    void record(String method, String route, int status, double durationMillis) {
        Counter counter = requests.computeIfAbsent(new Key(method, route, status), k -> new Counter());
        counter.count.increment();
        counter.micros.add(Math.round(durationMillis * 1000));
    }

    long count(String method, String route, int status) {
        Counter counter = requests.get(new Key(method, route, status));
        return counter == null ? 0 : counter.count.sum();
    }

    String exposition(MetricsSnapshot confluence) {
        StringBuilder out = new StringBuilder(1024);
        Map<Key, Counter> sorted = new TreeMap<>((a, b) -> (a.route + a.method + a.status).compareTo(b.route + b.method + b.status));
        sorted.putAll(requests);

        header(out, "askel_http_requests_total", "counter", "HTTP requests served, by method, route template and status.");
        sorted.forEach((k, c) -> out.append("askel_http_requests_total{method=\"").append(k.method)
                .append("\",route=\"").append(escape(k.route)).append("\",status=\"").append(k.status).append("\"} ")
                .append(c.count.sum()).append('\n'));
        header(out, "askel_http_request_seconds_total", "counter", "Total time spent serving HTTP requests, in seconds.");
        sorted.forEach((k, c) -> out.append("askel_http_request_seconds_total{method=\"").append(k.method)
                .append("\",route=\"").append(escape(k.route)).append("\",status=\"").append(k.status).append("\"} ")
                .append(c.micros.sum() / 1_000_000.0).append('\n'));

        header(out, "askel_confluence_calls_total", "counter", "Calls to Confluence, by endpoint and status.");
        new TreeMap<>(confluence.confluenceCalls()).forEach((key, count) -> {
            int space = key.lastIndexOf(' ');
            String endpoint = space < 0 ? key : key.substring(0, space);
            String status = space < 0 ? "" : key.substring(space + 1);
            out.append("askel_confluence_calls_total{endpoint=\"").append(escape(endpoint)).append("\",status=\"")
                    .append(escape(status)).append("\"} ").append(count).append('\n');
        });
        header(out, "askel_confluence_retries_total", "counter", "Confluence calls retried.");
        out.append("askel_confluence_retries_total ").append(confluence.retries()).append('\n');
        header(out, "askel_confluence_rate_limit_waits_total", "counter", "Waits caused by Confluence rate limiting (429).");
        out.append("askel_confluence_rate_limit_waits_total ").append(confluence.rateLimitWaits()).append('\n');
        header(out, "askel_confluence_rate_limit_wait_seconds_total", "counter", "Time spent waiting on Confluence rate limits, in seconds.");
        out.append("askel_confluence_rate_limit_wait_seconds_total ").append(confluence.rateLimitWaitMillis() / 1000.0).append('\n');
        header(out, "askel_drift_scans_total", "counter", "Drift scans of a connection, by outcome (COMPLETED, CREDENTIALS_REJECTED, FAILED).");
        new TreeMap<>(confluence.driftScans()).forEach((outcome, count) -> out.append("askel_drift_scans_total{outcome=\"")
                .append(escape(outcome)).append("\"} ").append(count).append('\n'));
        header(out, "askel_drift_last_scan_timestamp_seconds", "gauge",
                "When each connection's last drift scan finished (Unix time), with how it ended.");
        new TreeMap<>(confluence.lastDriftScans()).forEach((connection, scan) -> out.append("askel_drift_last_scan_timestamp_seconds{connection=\"")
                .append(escape(connection)).append("\",outcome=\"").append(scan.outcome().name()).append("\"} ")
                .append(scan.finishedAt().toEpochMilli() / 1000.0).append('\n'));
        header(out, "askel_drift_open_findings", "gauge", "Open drift findings of each connection after its last scan.");
        new TreeMap<>(confluence.lastDriftScans()).forEach((connection, scan) -> out.append("askel_drift_open_findings{connection=\"")
                .append(escape(connection)).append("\"} ").append(scan.openFindings()).append('\n'));
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
