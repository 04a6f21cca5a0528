package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotateCredentialsServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ConnectionRef foreign = new ConnectionRef(WorkspaceId.random(), ref.connection());

    @Test
    void a_rotated_token_replaces_the_old_one_only_after_confluence_accepted_it() {
        RotateCredentialsService rotate = new RotateCredentialsService(f.lookup, f.connections, f.confluence, f.clock, f.audit);

        assertThatThrownBy(() -> rotate.rotate(new RotateCredentialsCommand(ref, Optional.empty(), Secret.of("ATATT-wrong", "apiToken"),
                Optional.empty()))).isInstanceOf(CredentialsRejectedException.class);
        assertThat(f.lookup.connection(ref).apiToken().reveal()).isEqualTo(UseCaseFixture.TOKEN);

        f.confluence.acceptCredentials(UseCaseFixture.EMAIL, "ATATT-new", UseCaseFixture.ACCOUNT);
        Connection rotated = rotate.rotate(new RotateCredentialsCommand(ref, Optional.empty(), Secret.of("ATATT-new", "apiToken"),
                Optional.of(LocalDate.of(2027, 11, 1))));

        assertThat(rotated.apiToken().reveal()).isEqualTo("ATATT-new");
        assertThat(rotated.tokenExpiresOn()).contains(LocalDate.of(2027, 11, 1));
        assertThat(f.lookup.connection(ref).apiToken().reveal()).isEqualTo("ATATT-new");
        assertThat(f.auditLog.all()).extracting(e -> e.operation()).containsExactly("connection.rotate-credentials");
    }

    @Test
    void a_token_expiry_date_in_the_past_is_refused_before_confluence_is_asked() {
        RotateCredentialsService rotate = new RotateCredentialsService(f.lookup, f.connections, f.confluence, f.clock, f.audit);
        int callsBefore = f.confluence.calls();

        assertThatThrownBy(() -> rotate.rotate(new RotateCredentialsCommand(ref, Optional.empty(), Secret.of("ATATT-new", "apiToken"),
                Optional.of(LocalDate.of(2026, 1, 1))))).isInstanceOf(InvalidInputException.class).hasMessageContaining("tokenExpiresOn");
        assertThat(f.confluence.calls()).isEqualTo(callsBefore);
        assertThat(f.lookup.connection(ref).apiToken().reveal()).isEqualTo(UseCaseFixture.TOKEN);
    }
}
