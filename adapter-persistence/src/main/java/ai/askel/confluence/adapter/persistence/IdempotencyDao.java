package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(IdempotencyRow.class)
interface IdempotencyDao {
    String COLUMNS = "workspace_id, idempotency_key, request_hash, response_status, response_body, created_at, expires_at";

    @SqlUpdate("INSERT INTO idempotency_record (" + COLUMNS + ") VALUES (:workspaceId, :idempotencyKey, :requestHash,"
            + " :responseStatus, :responseBody, :createdAt, :expiresAt)")
    void insert(@BindRow IdempotencyRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM idempotency_record WHERE workspace_id = :workspace AND idempotency_key = :key")
    Optional<IdempotencyRow> find(@Bind("workspace") String workspace, @Bind("key") String key);

    @SqlUpdate("UPDATE idempotency_record SET response_status = :status, response_body = :body"
            + " WHERE workspace_id = :workspace AND idempotency_key = :key")
    int complete(@Bind("workspace") String workspace, @Bind("key") String key, @Bind("status") int status, @Bind("body") String body);

    @SqlUpdate("DELETE FROM idempotency_record WHERE workspace_id = :workspace AND idempotency_key = :key"
            + " AND response_status IS NULL")
    int release(@Bind("workspace") String workspace, @Bind("key") String key);

    @SqlUpdate("DELETE FROM idempotency_record WHERE expires_at < :now")
    int deleteExpired(@Bind("now") Instant now);
}
