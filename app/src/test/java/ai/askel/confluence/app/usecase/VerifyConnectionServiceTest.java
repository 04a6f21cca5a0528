package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyConnectionServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ConnectionRef foreign = new ConnectionRef(WorkspaceId.random(), ref.connection());

    @Test
    void verification_records_active_or_credentials_rejected() {
        VerifyConnectionService verify = new VerifyConnectionService(f.lookup, f.connections, f.confluence, f.clock, f.audit);

        assertThat(verify.verify(ref).status()).isEqualTo(ConnectionStatus.ACTIVE);

        f.confluence.revokeCredentials(UseCaseFixture.EMAIL, UseCaseFixture.TOKEN);
        Connection rejected = verify.verify(ref);

        assertThat(rejected.status()).isEqualTo(ConnectionStatus.CREDENTIALS_REJECTED);
        assertThat(f.lookup.connection(ref).status()).isEqualTo(ConnectionStatus.CREDENTIALS_REJECTED);
    }
}
