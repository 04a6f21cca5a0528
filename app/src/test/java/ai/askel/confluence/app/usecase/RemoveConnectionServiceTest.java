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
        new RemoveConnectionService(f.connections, f.driftScans, f.audit).remove(ref);

        assertThat(f.connections.listAll()).isEmpty();
        assertThat(f.driftScans.removed).as("its scan meters go with it").containsExactly(ref.connection());
        assertThat(f.auditLog.all()).extracting(e -> e.operation()).containsExactly("connection.remove");
    }
}
