package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoveConnectionServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ConnectionRef foreign = new ConnectionRef(WorkspaceId.random(), ref.connection());

    @Test
    void removing_forgets_the_connection_and_audits_it() {
        new RemoveConnectionService(f.connections, f.audit).remove(ref);

        assertThat(f.connections.listAll()).isEmpty();
        assertThat(f.auditLog.all()).extracting(e -> e.operation()).containsExactly("connection.remove");
    }
}
