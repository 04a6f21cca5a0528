package ai.askel.confluence.adapter.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

interface AuditEventDao {
    @SqlQuery("SELECT occurred_at, workspace_id, api_key_prefix, operation, connection_id, page_id, outcome, trace_id"
            + " FROM audit_event WHERE workspace_id = :workspace ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
    List<AuditEventRow> recent(@Bind("workspace") String workspace, @Bind("limit") int limit);
}
