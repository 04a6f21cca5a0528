package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListConnectionsServiceTest {
    private final UseCaseFixture f = new UseCaseFixture();
    private final ConnectionRef ref = f.connection();
    private final ConnectionRef foreign = new ConnectionRef(WorkspaceId.random(), ref.connection());

    @Test
    void another_workspace_does_not_see_list_or_remove_the_connection() {
        ListConnectionsService list = new ListConnectionsService(f.connections, f.lookup);
        RemoveConnectionService remove = new RemoveConnectionService(f.connections, f.driftScans, f.audit);

        assertThat(list.list(f.workspace)).extracting(Connection::id).containsExactly(ref.connection());
        assertThat(list.list(foreign.workspace())).isEmpty();
        assertThatThrownBy(() -> list.get(foreign)).isInstanceOf(NotFoundException.class)
                .hasMessage("connection " + ref.connection() + " not found");
        assertThatThrownBy(() -> remove.remove(foreign)).isInstanceOf(NotFoundException.class);
        assertThat(list.get(ref).id()).isEqualTo(ref.connection());
    }
}
