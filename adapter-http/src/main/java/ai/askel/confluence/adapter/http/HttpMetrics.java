package ai.askel.confluence.adapter.http;

import ai.askel.confluence.ports.in.JobMetrics;
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
        jobs(out, confluence.jobs());
        return out.toString();
    }

    /** This instance's job counters per kind; the items running now are a gauge, the durations a histogram. */
    private static void jobs(StringBuilder out, java.util.List<JobMetrics> jobs) {
        header(out, "askel_job_items_queued_total", "counter", "Job items queued by submissions this instance served, by job kind.");
        jobs.forEach(j -> out.append("askel_job_items_queued_total{kind=\"").append(kind(j)).append("\"} ").append(j.queued()).append('\n'));
        header(out, "askel_job_items_running", "gauge", "Job items this instance is running now, by job kind.");
        jobs.forEach(j -> out.append("askel_job_items_running{kind=\"").append(kind(j)).append("\"} ").append(j.running()).append('\n'));
        header(out, "askel_job_items_finished_total", "counter", "Job items this instance ran to an end, by job kind and result.");
        jobs.forEach(j -> {
            finished(out, j, "succeeded", j.succeeded());
            finished(out, j, "failed", j.failed());
            finished(out, j, "cancelled", j.cancelled());
            finished(out, j, "retried", j.retried());
        });
        header(out, "askel_job_item_duration_seconds", "histogram", "Time one attempt at a job item took on this instance, by job kind.");
        jobs.forEach(j -> {
            for (int i = 0; i < JobMetrics.BUCKET_SECONDS.size(); i++) {
                out.append("askel_job_item_duration_seconds_bucket{kind=\"").append(kind(j)).append("\",le=\"")
                        .append(JobMetrics.BUCKET_SECONDS.get(i)).append("\"} ").append(j.durationBuckets().get(i)).append('\n');
            }
            out.append("askel_job_item_duration_seconds_bucket{kind=\"").append(kind(j)).append("\",le=\"+Inf\"} ")
                    .append(j.durationCount()).append('\n');
            out.append("askel_job_item_duration_seconds_sum{kind=\"").append(kind(j)).append("\"} ").append(j.durationSeconds()).append('\n');
            out.append("askel_job_item_duration_seconds_count{kind=\"").append(kind(j)).append("\"} ").append(j.durationCount()).append('\n');
        });
    }

    private static void finished(StringBuilder out, JobMetrics j, String result, long count) {
        out.append("askel_job_items_finished_total{kind=\"").append(kind(j)).append("\",result=\"").append(result).append("\"} ")
                .append(count).append('\n');
    }

    private static String kind(JobMetrics j) {
        return j.kind().name().toLowerCase(java.util.Locale.ROOT);
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
