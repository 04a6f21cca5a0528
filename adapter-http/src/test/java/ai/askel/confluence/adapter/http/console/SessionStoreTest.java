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
    void an_abandoned_session_is_swept_with_its_staged_file_when_another_session_is_used() throws Exception {
        ConsoleSession abandoned = store.open(CALLER, true);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("askel-console-test-", ".upload");
        abandoned.stage(staged(file));
        ConsoleSession alsoIdle = store.open(CALLER, true);

        clock.advance(Duration.ofMinutes(31));
        store.open(CALLER, true);

        assertThat(file).doesNotExist();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(alsoIdle.id()).state()).isEqualTo(SessionStore.State.UNKNOWN);
    }

    @Test
    void a_session_keeps_a_bounded_number_of_staged_files_and_deletes_the_oldest() throws Exception {
        ConsoleSession session = store.open(CALLER, true);
        java.util.List<StagedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i <= ConsoleSession.MAX_STAGED_FILES; i++) {
            StagedFile file = staged(java.nio.file.Files.createTempFile("askel-console-test-", ".upload"));
            files.add(file);
            session.stage(file);
        }

        assertThat(session.stagedCount()).isEqualTo(ConsoleSession.MAX_STAGED_FILES);
        assertThat(files.get(0).path()).doesNotExist();
        assertThat(session.staged(files.get(0).token())).isEmpty();
        assertThat(session.staged(files.get(1).token())).contains(files.get(1));
        store.close(session.id());
        assertThat(files).allSatisfy(f -> assertThat(f.path()).doesNotExist());
    }

    private static StagedFile staged(java.nio.file.Path file) {
        return new StagedFile(SessionStore.randomToken(), "diagram.png", "image/png", 0, file,
                new StagedFile.Target("connection-1", "INFRA", "Customer A prod"));
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
