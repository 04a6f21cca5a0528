package ai.askel.confluence.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InvalidInputExceptionTest {

    @Test
    void lists_every_problem_each_naming_its_field() {
        InvalidInputException e = new InvalidInputException(List.of(new Problem("title", "is required"), new Problem("space", "is unknown")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e).hasMessage("title: is required; space: is unknown");
        assertThat(e.problems()).extracting(Problem::field).containsExactly("title", "space");
        assertThat(e).isInstanceOf(ConnectorException.class).isInstanceOf(RuntimeException.class);
    }

    @Test
    void needs_at_least_one_problem() {
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_specific_error_carries_its_code_and_trace_id() {
        assertThat(new NotFoundException("gone", "t1")).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.traceId()).contains("t1");
        });
        assertThat(new NotFoundException("gone").traceId()).isEmpty();
        assertThat(new ConflictException("taken").code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(new CredentialsRejectedException("401", null).code()).isEqualTo(ErrorCode.CREDENTIALS_REJECTED);
        assertThat(new PermissionDeniedException("403", "t").code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(new ConfluenceUnavailableException("503", "t", null).code()).isEqualTo(ErrorCode.CONFLUENCE_UNAVAILABLE);
        RateLimitedException limited = new RateLimitedException("429", Duration.ofSeconds(30), "t");
        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(new RateLimitedException("429", null, null).retryAfter()).isEmpty();
        assertThat(new VersionConflictException("stale", OptionalInt.empty(), null).currentVersion()).isEmpty();
        assertThat(new VersionConflictException("stale", OptionalInt.of(4), null).currentVersion()).hasValue(4);
    }

    @Test
    void a_message_and_a_code_are_required() {
        assertThatThrownBy(() -> new ConnectorException(ErrorCode.INTERNAL, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ConnectorException(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
