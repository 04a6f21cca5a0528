package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every call and retry the adapter reports. */
public final class RecordingObserver implements ConfluenceCallObserver {
    public record Call(String endpoint, int status, Duration duration) {
    }

    public record Retry(String endpoint, Duration delay, boolean rateLimited) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<Retry> retries = new CopyOnWriteArrayList<>();

    @Override
    public void callCompleted(String endpoint, int status, Duration duration) {
        calls.add(new Call(endpoint, status, duration));
    }

    @Override
    public void retryScheduled(String endpoint, Duration wait, boolean rateLimited) {
        retries.add(new Retry(endpoint, wait, rateLimited));
    }

    public List<String> endpoints() {
        return calls.stream().map(Call::endpoint).toList();
    }
}
