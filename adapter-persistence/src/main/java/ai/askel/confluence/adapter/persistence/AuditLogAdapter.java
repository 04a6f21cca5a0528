package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import ai.askel.confluence.ports.out.AuditLogPage;
import ai.askel.confluence.ports.out.AuditQuery;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The append-only audit log: there is no update or delete. */
@Singleton
final class AuditLogAdapter implements AuditLogPort {
    private static final String INSERT = "INSERT INTO audit_event (occurred_at, workspace_id, api_key_prefix, operation, connection_id,"
            + " page_id, outcome, trace_id) VALUES (:occurredAt, :workspaceId, :apiKeyPrefix, :operation, :connectionId, :pageId, :outcome,"
            + " :traceId)";

    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    AuditLogAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /**
     * Nearly every operation appends one event, so this is the connector's most frequent statement. It is a plain
     * statement rather than a SqlObject method: attaching a DAO builds an invoker for each of its methods on every call,
     * and the plain statement took about 30 µs of CPU less per append (31 against 59 µs without the commit, same H2).
     */
    @Override
    public void append(AuditEvent event) {
        AuditEventRow row = mapper.toRow(event);
        db.withHandle(h -> insert(h, row));
    }

    /** Appends the row on {@code handle}, in its transaction if one is open (a publish saves its event with its state). */
    static int insert(Handle handle, AuditEventRow row) {
        return handle.createUpdate(INSERT)
                .bind("occurredAt", row.occurredAt())
                .bind("workspaceId", row.workspaceId())
                .bind("apiKeyPrefix", row.apiKeyPrefix())
                .bind("operation", row.operation())
                .bind("connectionId", row.connectionId())
                .bind("pageId", row.pageId())
                .bind("outcome", row.outcome())
                .bind("traceId", row.traceId())
                .execute();
    }

    @Override
    public AuditLogPage read(AuditQuery query) {
        // fixed fragments chosen by which filters are present; every value is bound, never spliced into the SQL
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, workspace_id, api_key_prefix, operation, connection_id, page_id,"
                + " outcome, trace_id FROM audit_event WHERE workspace_id = :workspace");
        query.from().ifPresent(at -> sql.append(" AND occurred_at >= :from"));
        query.to().ifPresent(at -> sql.append(" AND occurred_at < :to"));
        query.action().ifPresent(a -> sql.append(" AND operation = :action"));
        query.before().ifPresent(b -> sql.append(" AND id < :before"));
        sql.append(" ORDER BY id DESC FETCH FIRST :limit ROWS ONLY");
        // one more than asked for says whether there is a next page
        List<AuditEntryRow> rows = db.withHandle(h -> {
            var statement = h.createQuery(sql.toString())
                    .bind("workspace", query.workspace().value())
                    .bind("limit", query.limit() + 1);
            query.from().ifPresent(at -> statement.bind("from", at));
            query.to().ifPresent(at -> statement.bind("to", at));
            query.action().ifPresent(a -> statement.bind("action", a));
            query.before().ifPresent(b -> statement.bind("before", b));
            return statement.mapTo(AuditEntryRow.class).list();
        });
        boolean more = rows.size() > query.limit();
        List<AuditLogPage.AuditEntry> entries = rows.stream().limit(query.limit())
                .map(r -> new AuditLogPage.AuditEntry(r.id(), mapper.toDomain(r.event()))).toList();
        return new AuditLogPage(entries, more ? Optional.of(entries.get(entries.size() - 1).sequence()) : Optional.empty());
    }

    @Override
    public List<AuditEvent> recent(WorkspaceId workspace, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return db.with(AuditEventDao.class, dao -> dao.recent(workspace.value(), limit)).stream().map(mapper::toDomain).toList();
    }
}
