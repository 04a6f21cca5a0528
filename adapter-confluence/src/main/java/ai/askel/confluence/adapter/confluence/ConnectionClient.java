package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.RetryLaterException;
import ai.askel.confluence.ports.in.RequestDeadline;
import ai.askel.confluence.ports.out.ConfluenceAccess;
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
    /** An HTTP exchange to meter: runs with a slot, within the request's deadline. */
    interface Exchange<T> {
        T run(Deadline deadline) throws java.io.IOException;
    }

    /** What an exchange answered, for the meter and the site's pacer. */
    record Outcome(String traceId, RateSignal rate) {
        int status() {
            return rate.status();
        }
    }

    private final ConfluenceAccess madeFrom;
    private final URI base;
    private final URI wikiBase;
    private final String authorization;
    private final HttpClient http;
    private final HttpClient uploads;
    private volatile long lastUsed;
    private final Bulkhead bulkhead;
    private final SitePacer pacer;
    private final CallPolicy.Sleeper sleeper;
    private final ConfluenceClientSettings settings;
    private final ConfluenceCallObserver observer;
    private final Map<SpaceKey, Space> spacesByKey = new ConcurrentHashMap<>();
    private final Map<SpaceId, SpaceKey> keysById = new ConcurrentHashMap<>();
    private volatile ConfluenceApi api;

    ConnectionClient(ConfluenceAccess madeFrom, URI base, URI wikiBase, String authorization, HttpClient http, HttpClient uploads,
                     ConfluenceClientSettings settings, ConfluenceCallObserver observer, Bulkhead bulkhead, SitePacer pacer,
                     CallPolicy.Sleeper sleeper) {
        this.madeFrom = madeFrom;
        this.base = base;
        this.wikiBase = wikiBase;
        this.authorization = authorization;
        this.http = http;
        this.uploads = uploads;
        this.settings = settings;
        this.observer = observer;
        this.bulkhead = bulkhead;
        this.pacer = pacer;
        this.sleeper = sleeper;
    }

    void attach(ConfluenceApi api) {
        this.api = api;
    }

    ConfluenceApi api() {
        return api;
    }

    /** The connection's site and credentials this client was made for. */
    ConfluenceAccess madeFrom() {
        return madeFrom;
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

    /** The connection's own client, whose answers are handled on its selector thread: for bodies held in memory. */
    HttpClient http() {
        return http;
    }

    /** The shared client with worker threads, for requests whose body is read from a caller's stream. */
    HttpClient uploads() {
        return uploads;
    }

    /** When this client was last handed out, by the clients' ticker. */
    long lastUsed() {
        return lastUsed;
    }

    void usedAt(long ticks) {
        lastUsed = ticks;
    }

    /**
     * Runs one HTTP exchange under the connection's limits and reports it: waits for its turn in the site's
     * rate budget (refused with {@code RATE_LIMITED} when that turn comes after the request's deadline), takes a
     * slot from the bulkhead (bounded wait, bounded queue, never past the request's deadline), then tells the
     * pacer what Confluence said about the budget and logs and observes method, route, status, duration and trace id.
     */
    <T> T exchange(String route, Exchange<T> exchange, java.util.function.Function<T, Outcome> outcome) throws java.io.IOException {
        Deadline deadline = deadline(settings);
        if (deadline.expired()) {
            bulkhead.meters().deadlineExpired();
            throw new DeadlineExceededException("the request's deadline of " + Bulkhead.seconds(deadline.budget())
                    + " passed before " + route + " could be sent", null);
        }
        SitePacer.Turn turn = pacer.reserve(deadline.remaining());
        if (!turn.booked()) {
            throw new RetryLaterException(ErrorCode.RATE_LIMITED, "Confluence's rate budget for this site leaves no turn for "
                    + route + " within the request's deadline; nothing was sent", turn.delay());
        }
        try {
            if (!turn.delay().isZero()) {
                pause(route, turn.delay());
            }
            return paced(route, deadline, exchange, outcome);
        } finally {
            pacer.settled();
        }
    }

    private <T> T paced(String route, Deadline deadline, Exchange<T> exchange, java.util.function.Function<T, Outcome> outcome)
            throws java.io.IOException {
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
            pacer.observe(o.rate());
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

    SitePacer pacer() {
        return pacer;
    }

    private void pause(String route, Duration d) {
        try {
            sleeper.sleep(d);
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
}
