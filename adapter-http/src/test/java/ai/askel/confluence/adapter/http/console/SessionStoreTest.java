package ai.askel.confluence.adapter.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private static final AuthenticatedCaller CALLER = new AuthenticatedCaller(WorkspaceId.random(), "ask_1a2b3c4d", ai.askel.confluence.domain.ApiKeyScope.WRITE);

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final SessionStore store = new SessionStore(ConsoleSettings.defaults().withTimeouts(Duration.ofMinutes(30), Duration.ofHours(8)),
            clock);

    @Test
    void a_session_used_within_its_idle_timeout_stays_until_its_absolute_timeout() {
        ConsoleSession session = store.open(CALLER, true);
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(store.find(session.id()).state()).isEqualTo(SessionStore.State.ACTIVE);
        }
        clock.advance(Duration.ofMinutes(29));

        assertThat(store.find(session.id()).state()).isEqualTo(SessionStore.State.EXPIRED);
        assertThat(store.find(session.id()).state()).isEqualTo(SessionStore.State.UNKNOWN);
    }

    @Test
    void an_idle_session_expires() {
        ConsoleSession session = store.open(CALLER, true);
        clock.advance(Duration.ofMinutes(31));

        assertThat(store.find(session.id()).state()).isEqualTo(SessionStore.State.EXPIRED);
    }

    @Test
    void ids_and_csrf_tokens_are_random_and_unknown_ids_find_nothing() {
        ConsoleSession one = store.open(CALLER, true);
        ConsoleSession two = store.open(CALLER, false);

        assertThat(one.id()).isNotEqualTo(two.id()).hasSize(43);
        assertThat(one.csrfToken()).isNotEqualTo(two.csrfToken()).isNotEqualTo(one.id());
        assertThat(store.find("forged").state()).isEqualTo(SessionStore.State.UNKNOWN);
        assertThat(store.find(null).state()).isEqualTo(SessionStore.State.UNKNOWN);
        store.close(one.id());
        assertThat(store.find(one.id()).state()).isEqualTo(SessionStore.State.UNKNOWN);
    }

    @Test
    void sign_in_attempts_beyond_the_allowance_wait_until_the_minute_has_passed() {
        SignInLimiter limiter = new SignInLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("10.0.0.1")).isZero();
        }
        assertThat(limiter.attempt("10.0.0.1")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limiter.attempt("10.0.0.2")).isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.attempt("10.0.0.1")).isZero();
    }
}
