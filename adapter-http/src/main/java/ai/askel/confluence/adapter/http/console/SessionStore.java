package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.ports.in.AuthenticatedCaller;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's server-side sessions, in memory: a session ends when idle longer than the idle
 * timeout, when older than the absolute timeout, or on sign-out. Expired sessions (and the files they
 * staged) are swept at most once a {@link #SWEEP_INTERVAL}, by the next lookup or sign-in, so an
 * abandoned session's files do not outlive it by much. The store is bounded: when full, expired
 * sessions are swept, and if it is still full the oldest session is ended.
 */
final class SessionStore {
    static final int MAX_SESSIONS = 10_000;
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a presented session id turned out to be. */
    enum State { ACTIVE, EXPIRED, UNKNOWN }

    record Lookup(State state, Optional<ConsoleSession> session) {
    }

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final ConsoleSettings settings;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep;

    SessionStore(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.lastSweep = new AtomicReference<>(clock.instant());
    }

    ConsoleSession open(AuthenticatedCaller caller, boolean canWrite) {
        sweepIfDue();
        if (sessions.size() >= MAX_SESSIONS) {
            sweep();
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.values().stream().min(java.util.Comparator.comparing(ConsoleSession::started))
                        .ifPresent(oldest -> close(oldest.id()));
            }
        }
        ConsoleSession session = new ConsoleSession(randomToken(), caller, canWrite, randomToken(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session of this id, touched; an expired one is ended and reported as such. Others' expired sessions are swept after. */
    Lookup find(String id) {
        Lookup lookup = lookup(id);
        sweepIfDue();
        return lookup;
    }

    private Lookup lookup(String id) {
        if (id == null || id.isBlank()) {
            return new Lookup(State.UNKNOWN, Optional.empty());
        }
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return new Lookup(State.UNKNOWN, Optional.empty());
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            close(id);
            return new Lookup(State.EXPIRED, Optional.empty());
        }
        session.touch(now);
        return new Lookup(State.ACTIVE, Optional.of(session));
    }

    void close(String id) {
        ConsoleSession removed = sessions.remove(id);
        if (removed != null) {
            removed.clearStaged();
        }
    }

    /** Sweeps when the last sweep is a {@link #SWEEP_INTERVAL} ago; of concurrent callers only one sweeps. */
    private void sweepIfDue() {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        sweep();
    }

    /** Ends every expired session; each is checked again as it is removed, so one a request just touched stays. */
    void sweep() {
        Instant now = clock.instant();
        for (String id : sessions.values().stream().filter(s -> expired(s, now)).map(ConsoleSession::id).toList()) {
            ConsoleSession[] ended = new ConsoleSession[1];
            sessions.computeIfPresent(id, (key, session) -> {
                if (!expired(session, clock.instant())) {
                    return session;
                }
                ended[0] = session;
                return null;
            });
            if (ended[0] != null) {
                ended[0].clearStaged();
            }
        }
    }

    /** Ends every session (the server stops). */
    void closeAll() {
        sessions.keySet().stream().toList().forEach(this::close);
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return now.isAfter(session.lastSeen().plus(settings.idleTimeout()))
                || now.isAfter(session.started().plus(settings.absoluteTimeout()));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
