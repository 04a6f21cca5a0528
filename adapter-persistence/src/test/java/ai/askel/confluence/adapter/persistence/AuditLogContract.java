package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.AuditQuery;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link AuditLogPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class AuditLogContract extends RepositoryContract {
    private AuditLogPort log;
    private WorkspaceId workspace;

    protected AuditLogContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshWorkspace() {
        log = ports.auditLog();
        workspace = WorkspaceId.random();
    }

    private AuditEvent event(int secondsLater, String operation) {
        return new AuditEvent(Fixtures.NOW.plusSeconds(secondsLater), workspace, Optional.of("ask_1a2b3c4d"), operation,
                Optional.of(ConnectionId.random()), Optional.of(Fixtures.pageId()), "OK", Optional.of("a1b2c3d4e5f60718"));
    }

    @Test
    public void events_come_back_whole_and_newest_first() {
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
    public void recent_answers_at_most_the_limit() {
        for (int i = 0; i < 5; i++) {
            log.append(event(i, "page.update"));
        }

        assertThat(log.recent(workspace, 2)).extracting(AuditEvent::at)
                .containsExactly(Fixtures.NOW.plusSeconds(4), Fixtures.NOW.plusSeconds(3));
    }

    @Test
    public void a_workspace_sees_only_its_own_events() {
        log.append(event(0, "page.create"));

        assertThat(log.recent(WorkspaceId.random(), 10)).isEmpty();
    }

    @Test
    public void read_pages_through_the_log_newest_first_filtered_by_time_and_action() {
        for (int i = 0; i < 7; i++) {
            log.append(event(i * 10, i % 2 == 0 ? "page.update" : "labels.add"));
        }
        log.append(new AuditEvent(Fixtures.NOW, WorkspaceId.random(), Optional.empty(), "page.update", Optional.empty(), Optional.empty(),
                "OK", Optional.empty()));

        AuditLogPage first = log.read(AuditQuery.newest(workspace).withAction("page.update").withLimit(2));
        AuditLogPage second = log.read(AuditQuery.newest(workspace).withAction("page.update").withLimit(2).withBefore(first.next().orElseThrow()));
        AuditLogPage window = log.read(AuditQuery.newest(workspace).withFrom(Fixtures.NOW.plusSeconds(10)).withTo(Fixtures.NOW.plusSeconds(40)));

        assertThat(first.entries()).extracting(e -> e.event().at()).containsExactly(Fixtures.NOW.plusSeconds(60), Fixtures.NOW.plusSeconds(40));
        assertThat(second.entries()).extracting(e -> e.event().at()).containsExactly(Fixtures.NOW.plusSeconds(20), Fixtures.NOW);
        assertThat(second.next()).as("nothing after the last page").isEmpty();
        assertThat(first.entries().get(0).sequence()).isGreaterThan(first.entries().get(1).sequence());
        assertThat(window.entries()).extracting(e -> e.event().at())
                .containsExactly(Fixtures.NOW.plusSeconds(30), Fixtures.NOW.plusSeconds(20), Fixtures.NOW.plusSeconds(10));
        assertThat(window.entries()).allSatisfy(e -> assertThat(e.event().workspace()).isEqualTo(workspace));
    }
}
