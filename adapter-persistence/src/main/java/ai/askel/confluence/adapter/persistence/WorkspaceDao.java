package ai.askel.confluence.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface WorkspaceDao {
    @SqlUpdate("INSERT INTO workspace (id, name, created_at) VALUES (:id, :name, :createdAt)")
    void insert(@BindRow WorkspaceRow row);

    @SqlQuery("SELECT id, name, created_at FROM workspace WHERE id = :id")
    Optional<WorkspaceRow> find(@Bind("id") String id);

    @SqlQuery("SELECT id, name, created_at FROM workspace ORDER BY created_at, id FETCH FIRST :limit ROWS ONLY")
    List<WorkspaceRow> list(@Bind("limit") int limit);
}
