package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Stored runbooks, with optimistic locking: a save based on a stale revision fails with
 * {@code ConflictException}, so two instances publishing the same runbook cannot both win. A runbook
 * is unique by (connection, space, title), so the same runbook can never be recorded twice.
 */
public interface RunbookRepositoryPort {
    /**
     * Inserts a new runbook (revision 0), answering it at revision 1; if one with the same
     * connection, space and title exists already, answers that one instead and inserts nothing.
     */
    Runbook insertOrGet(Runbook runbook);

    /** Saves the runbook if its stored revision is still {@code runbook.revision()}; answers it at the next revision. */
    Runbook update(Runbook runbook);

    /**
     * Saves what a publish did in one transaction: the runbook as {@link #update} does, the page it manages (what
     * drift scans compare against) and the audit events that report it. All are saved or, when the revision moved on
     * ({@code ConflictException}), none: a crash never leaves a runbook's page recorded at another version than the
     * runbook, nor a publish recorded without its audit event.
     */
    Runbook updatePublished(Runbook runbook, ManagedPage page, List<AuditEvent> reports);

    Optional<Runbook> find(WorkspaceId workspace, RunbookId id);

    Optional<Runbook> findByTarget(ConnectionId connection, SpaceKey space, Title title);

    List<Runbook> listByConnection(ConnectionId connection);
}
