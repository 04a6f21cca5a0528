package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.ports.in.RequestDeadline;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything kept per connection (and per credentials): the Feign client, the connection's bulkhead
 * (shared by all callers and kept across credential changes), the near-limit slow-down, and the space key/id cache.
 */
final class ConnectionClient {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionClient.class);
    /** How long one {@code X-RateLimit-NearLimit: true} keeps the connection slowed down. */
    private static final Duration NEAR_LIMIT_WINDOW = Duration.ofSeconds(10);

    /** An HTTP exchange to meter: runs with a slot, within the request's deadline. */
    interface Exchange<T> {
        T run(Deadline deadline) throws java.io.IOException;
    }

    /** What an exchange answered, for the meter. */
    record Outcome(int status, String traceId, boolean nearLimit) {
    }

    private final String fingerprint;
    private final URI base;
    private final URI wikiBase;
    private final String authorization;
    private final HttpClient http;
    private final Bulkhead bulkhead;
    private final ConfluenceClientSettings settings;
    private final ConfluenceCallObserver observer;
    private final Map<SpaceKey, Space> spacesByKey = new ConcurrentHashMap<>();
    private final Map<SpaceId, SpaceKey> keysById = new ConcurrentHashMap<>();
    private volatile long nearLimitUntil;
    private volatile ConfluenceApi api;

    ConnectionClient(String fingerprint, URI base, URI wikiBase, String authorization, HttpClient http,
                     ConfluenceClientSettings settings, ConfluenceCallObserver observer, Bulkhead bulkhead) {
        this.fingerprint = fingerprint;
        this.base = base;
        this.wikiBase = wikiBase;
        this.authorization = authorization;
        this.http = http;
        this.settings = settings;
        this.observer = observer;
        this.bulkhead = bulkhead;
        this.nearLimitUntil = System.nanoTime(); // nanoTime may be negative: start "already expired"
    }

    void attach(ConfluenceApi api) {
        this.api = api;
    }

    ConfluenceApi api() {
        return api;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Where requests go: the site origin, or the gateway's {@code /ex/confluence/{cloudId}}. */
    URI base() {
        return base;
    }

    /** The site's {@code /wiki}, which web links are relative to. */
    URI wikiBase() {
        return wikiBase;
    }

    String authorization() {
        return authorization;
    }

    HttpClient http() {
        return http;
    }

    /**
     * Runs one HTTP exchange under the connection's limits and reports it: takes a slot from the
     * bulkhead (bounded wait, bounded queue, never past the request's deadline), pauses while near the
     * rate limit, then logs and observes method, route, status, duration and trace id.
     */
    <T> T exchange(String route, Exchange<T> exchange, java.util.function.Function<T, Outcome> outcome) throws java.io.IOException {
        Deadline deadline = deadline(settings);
        if (deadline.expired()) {
            bulkhead.meters().deadlineExpired();
            throw new DeadlineExceededException("the request's deadline of " + Bulkhead.seconds(deadline.budget())
                    + " passed before " + route + " could be sent", null);
        }
        if (System.nanoTime() - nearLimitUntil < 0 && !settings.nearLimitDelay().isZero()) {
            pause(route, settings.nearLimitDelay().compareTo(deadline.remaining()) < 0 ? settings.nearLimitDelay() : deadline.remaining());
        }
        bulkhead.acquire(route, deadline);
        long start = System.nanoTime();
        int status = 0;
        String trace = null;
        try {
            T result = exchange.run(deadline);
            UnusableAnswers.answered(route);
            Outcome o = outcome.apply(result);
            status = o.status();
            trace = o.traceId();
            if (o.nearLimit()) {
                nearLimitUntil = System.nanoTime() + NEAR_LIMIT_WINDOW.toNanos();
                LOG.info("Confluence reports the rate limit is near for {}; slowing down", route);
            }
            return result;
        } catch (DeadlineExceededException e) {
            bulkhead.meters().deadlineExpired();
            throw e;
        } finally {
            bulkhead.release();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (status == 0 || status >= 400) {
                LOG.info("{} -> {} in {} ms (trace {})", route, status, took.toMillis(), trace);
            } else {
                LOG.debug("{} -> {} in {} ms (trace {})", route, status, took.toMillis(), trace);
            }
            bulkhead.meters().call(route, status, took);
            observer.callCompleted(route, status, took);
        }
    }

    /** The deadline of the request in scope, or a fresh default one for a call made outside any request. */
    static Deadline deadline(ConfluenceClientSettings settings) {
        return RequestDeadline.current().orElseGet(() -> Deadline.after(settings.defaultDeadline()));
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    private static void pause(String route, Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfluenceUnavailableException("interrupted while waiting to call Confluence (" + route + ")", null, e);
        }
    }

    // ---- space cache -------------------------------------------------------------------------------

    void remember(Space space) {
        spacesByKey.put(space.key(), space);
        keysById.put(space.id(), space.key());
    }

    Optional<Space> cachedSpace(SpaceKey key) {
        return Optional.ofNullable(spacesByKey.get(key));
    }

    Optional<SpaceKey> cachedKey(SpaceId id) {
        return Optional.ofNullable(keysById.get(id));
    }

    void rememberKey(SpaceId id, SpaceKey key) {
        keysById.put(id, key);
    }
}
