package ai.askel.confluence.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A reference for runs with added latency: how long one call takes on this machine when a bare JDK client keeps
 * as many calls in flight as the connector did. On a shared host a thread woken by an answer can wait milliseconds
 * for a CPU, so a call takes longer than the latency the sandbox adds, for any client.
 */
final class BareCalls {
    private BareCalls() {
    }

    /** The mean time of {@code callsEach} sequential GETs of {@code url} on each of {@code inFlight} threads, in seconds. */
    static double meanSeconds(URI url, String user, String token, int inFlight, int callsEach) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build();
        ExecutorService threads = Executors.newFixedThreadPool(inFlight);
        try {
            List<Future<Long>> nanos = new ArrayList<>();
            for (int t = 0; t < inFlight; t++) {
                nanos.add(threads.submit(() -> {
                    long start = System.nanoTime();
                    for (int i = 0; i < callsEach; i++) {
                        HttpResponse<Void> answer = http.send(get, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode());
                        }
                    }
                    return System.nanoTime() - start;
                }));
            }
            long total = 0;
            for (Future<Long> n : nanos) {
                total += n.get();
            }
            return total / 1e9 / ((long) inFlight * callsEach);
        } finally {
            threads.shutdownNow();
        }
    }
}
