package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditLogPort}, run against every database. */
abstract class AuditLogContract extends PersistenceContract {
    private AuditLogPort log;
    private WorkspaceId workspace;

    @BeforeEach
    void freshWorkspace() {
        log = persistence.auditLog();
        workspace = WorkspaceId.random();
    }

    private AuditEvent event(int secondsLater, String operation) {
        return new AuditEvent(Fixtures.NOW.plusSeconds(secondsLater), workspace, Optional.of("ask_1a2b3c4d"), operation,
                Optional.of(ConnectionId.random()), Optional.of(Fixtures.pageId()), "OK", Optional.of("a1b2c3d4e5f60718"));
    }

    @Test
    void events_come_back_whole_and_newest_first() {
        AuditEvent created = event(0, "page.create");
        AuditEvent updated = event(5, "page.update");
        AuditEvent bare = new AuditEvent(Fixtures.NOW.plusSeconds(9), workspace, Optional.empty(), "connection.verify",
                Optional.empty(), Optional.empty(), "CREDENTIALS_REJECTED", Optional.empty());
        log.append(created);
        log.append(bare);
        log.append(updated);

        assertThat(log.recent(workspace, 10)).containsExactly(bare, updated, created);
    }

    @Test
    void recent_answers_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            log.append(event(i, "page.update"));
        }

        assertThat(log.recent(workspace, 2)).extracting(AuditEvent::at)
                .containsExactly(Fixtures.NOW.plusSeconds(4), Fixtures.NOW.plusSeconds(3));
    }

    @Test
    void a_workspace_sees_only_its_own_events() {
        log.append(event(0, "page.create"));

        assertThat(log.recent(WorkspaceId.random(), 10)).isEmpty();
    }
}
