package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ApiKeyDao {
    String COLUMNS = "id, workspace_id, name, prefix, key_hash, scope, created_at, revoked_at";

    @SqlUpdate("INSERT INTO api_key (" + COLUMNS + ") VALUES (:id, :workspaceId, :name, :prefix, :keyHash, :scope, :createdAt, :revokedAt)")
    void insert(@BindRow ApiKeyRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_key WHERE prefix = :prefix")
    Optional<ApiKeyRow> findByPrefix(@Bind("prefix") String prefix);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_key WHERE workspace_id = :workspace ORDER BY created_at, id")
    List<ApiKeyRow> list(@Bind("workspace") String workspace);

    @SqlUpdate("UPDATE api_key SET revoked_at = :at WHERE workspace_id = :workspace AND id = :id AND revoked_at IS NULL")
    int revoke(@Bind("workspace") String workspace, @Bind("id") String id, @Bind("at") Instant at);
}
