package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.RequestDeadline;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import feign.FeignException;
import feign.RetryableException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy that replaces Feign's: 429 and 503 wait at least {@code Retry-After} (clamped to
 * {@code maxWait}); backoff doubles from {@code baseBackoff} with ±30 % jitter; attempts are bounded;
 * 5xx and I/O errors are retried only for calls that are safe to replay.
 */
final class CallPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(CallPolicy.class);

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ConfluenceClientSettings settings;
    private final ConfluenceCallObserver observer;
    private final ConfluenceMeters meters;
    private final Sleeper sleeper;

    CallPolicy(ConfluenceClientSettings settings, ConfluenceCallObserver observer, ConfluenceMeters meters, Sleeper sleeper) {
        this.settings = settings;
        this.observer = observer;
        this.meters = meters;
        this.sleeper = sleeper;
    }

    /**
     * Runs the call under the policy; a final failure becomes a domain error about {@code subject}.
     * Every attempt and every pause draws on the request's deadline (a default one when the caller set
     * none): a retry whose pause would outlast it is not made, and the last failure is reported instead.
     */
    <T> T call(String subject, Replay replay, Supplier<T> call) {
        if (RequestDeadline.current().isEmpty()) {
            return RequestDeadline.during(Deadline.after(settings.defaultDeadline()), () -> attempts(subject, replay, call));
        }
        return attempts(subject, replay, call);
    }

    private <T> T attempts(String subject, Replay replay, Supplier<T> call) {
        Deadline deadline = RequestDeadline.current().orElseThrow();
        for (int attempt = 1; ; attempt++) {
            HttpFailure failure;
            try {
                return call.get();
            } catch (HttpFailure f) {
                failure = f;
            } catch (RetryableException e) {
                failure = new HttpFailure(0, e.request() == null ? "UNKNOWN" : Routes.of(e.request()), null, null,
                        describeIo(e.getCause() == null ? e : e.getCause()), e.getCause());
            } catch (FeignException e) {
                String route = e instanceof feign.codec.DecodeException && e.request() == null ? "Confluence" : Routes.of(e.request());
                throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence's answer to " + route + " for " + subject
                        + " could not be read: " + firstLine(e.getMessage()), null, e);
            }
            if (attempt >= settings.maxAttempts() || !retryable(failure, replay)) {
                throw ConfluenceErrors.toDomain(failure, subject, settings.maxWait());
            }
            Duration wait = waitBefore(attempt, failure);
            if (wait.compareTo(deadline.remaining()) >= 0) {
                LOG.info("not retrying {} after status {}: the request's deadline leaves {} ms, the pause would be {} ms (trace {})",
                        failure.route(), failure.status(), deadline.remaining().toMillis(), wait.toMillis(), failure.traceId());
                throw ConfluenceErrors.toDomain(failure, subject, settings.maxWait());
            }
            boolean rateLimited = failure.status() == 429 || failure.retryAfter().isPresent();
            observer.retryScheduled(failure.route(), wait, rateLimited);
            meters.retried(failure.route(), rateLimited);
            LOG.info("retrying {} after status {} in {} ms (attempt {} of {}, trace {})", failure.route(), failure.status(),
                    wait.toMillis(), attempt + 1, settings.maxAttempts(), failure.traceId());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConfluenceUnavailableException("interrupted while waiting to retry " + subject, failure.traceId(), e);
            }
        }
    }

    static boolean retryable(HttpFailure f, Replay replay) {
        int s = f.status();
        if (s == 429) {
            return true;
        }
        boolean transientFailure = f.noAnswer() || s == 500 || s == 502 || s == 503 || s == 504;
        return transientFailure && replay == Replay.SAFE;
    }

    /** max(Retry-After, base·2^(attempt-1)·jitter), never above maxWait. */
    Duration waitBefore(int attempt, HttpFailure f) {
        Duration max = settings.maxWait();
        long baseMillis = settings.baseBackoff().toMillis();
        long exp = baseMillis << Math.min(attempt - 1, 20);
        long jittered = (long) (Math.min(exp, max.toMillis()) * ThreadLocalRandom.current().nextDouble(0.7, 1.3));
        Duration backoff = Duration.ofMillis(Math.max(1, jittered));
        Duration wait = f.retryAfter().filter(ra -> ra.compareTo(backoff) > 0).orElse(backoff);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Jackson's first line names the field and the value's problem; the rest is a location. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String line = message.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private static String describeIo(Throwable t) {
        String kind = t instanceof java.net.http.HttpTimeoutException ? "timed out" : "I/O error";
        return kind + " (" + t.getClass().getSimpleName() + ")";
    }
}
