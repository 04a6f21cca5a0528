package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.IdempotencyDecision;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final IdempotencyService service = new IdempotencyService(f.idempotency, f.clock, f.settings);
    private final WorkspaceId workspace = WorkspaceId.random();
    private final ContentHash request = ContentHash.of("POST /runbooks", "{\"title\":\"a\"}");
    private final ContentHash other = ContentHash.of("POST /runbooks", "{\"title\":\"b\"}");

    @Test
    void the_same_key_and_request_replays_the_stored_response() {
        assertThat(service.begin(workspace, "key-1", request).shouldProceed()).isTrue();
        service.complete(workspace, "key-1", new StoredResponse(201, "{\"id\":1}"));

        IdempotencyDecision again = service.begin(workspace, "key-1", request);

        assertThat(again.shouldProceed()).isFalse();
        assertThat(again.replay()).contains(new StoredResponse(201, "{\"id\":1}"));
    }

    @Test
    void a_running_request_holds_its_key_while_it_renews_and_a_dead_one_frees_it_when_its_lease_runs_out() {
        assertThat(service.begin(workspace, "key-lease", request).shouldProceed()).isTrue();
        assertThat(service.renewalInterval()).isEqualTo(f.settings.idempotencyLease().dividedBy(3));

        f.clock.advance(f.settings.idempotencyLease().minusSeconds(1));
        assertThatThrownBy(() -> service.begin(workspace, "key-lease", request)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("still in progress");
        service.renew(workspace, "key-lease"); // the first request is alive
        f.clock.advance(f.settings.idempotencyLease().minusSeconds(1));
        assertThatThrownBy(() -> service.begin(workspace, "key-lease", request)).isInstanceOf(ConflictException.class);

        f.clock.advance(Duration.ofSeconds(2)); // it stopped renewing: its process died
        assertThatThrownBy(() -> service.begin(workspace, "key-lease", other)).as("another request never takes it over")
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(service.begin(workspace, "key-lease", request).shouldProceed()).as("the retry takes the key over").isTrue();
        assertThatThrownBy(() -> service.begin(workspace, "key-lease", request)).as("and holds it").isInstanceOf(ConflictException.class);
        service.complete(workspace, "key-lease", new StoredResponse(201, "{\"id\":2}"));
        assertThat(service.begin(workspace, "key-lease", request).replay()).contains(new StoredResponse(201, "{\"id\":2}"));
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        service.begin(workspace, "key-1", request);
        service.complete(workspace, "key-1", new StoredResponse(201, "{}"));

        assertThatThrownBy(() -> service.begin(workspace, "key-1", other))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void the_same_key_while_the_first_request_runs_is_a_conflict() {
        service.begin(workspace, "key-1", request);

        assertThatThrownBy(() -> service.begin(workspace, "key-1", request)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("in progress");
    }

    @Test
    void a_released_key_may_be_used_again() {
        service.begin(workspace, "key-1", request);
        service.release(workspace, "key-1");

        assertThat(service.begin(workspace, "key-1", other).shouldProceed()).isTrue();
    }

    @Test
    void keys_are_per_workspace_and_expire_after_the_ttl() {
        service.begin(workspace, "key-1", request);
        service.complete(workspace, "key-1", new StoredResponse(200, "{}"));

        assertThat(service.begin(WorkspaceId.random(), "key-1", other).shouldProceed()).isTrue();

        f.clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(service.begin(workspace, "key-1", other).shouldProceed()).isTrue();
    }

    @Test
    void a_key_must_be_visible_ascii() {
        assertThatThrownBy(() -> service.begin(workspace, "has space", request)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.begin(workspace, "x".repeat(256), request)).isInstanceOf(InvalidInputException.class);
    }
}
