package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface IdempotencyDao {
    String COLUMNS = "workspace_id, idempotency_key, request_hash, response_status, response_body, created_at, expires_at,"
            + " lease_expires_at";

    @SqlUpdate("INSERT INTO idempotency_record (" + COLUMNS + ") VALUES (:workspaceId, :idempotencyKey, :requestHash,"
            + " :responseStatus, :responseBody, :createdAt, :expiresAt, :leaseExpiresAt)")
    void insert(@BindRow IdempotencyRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM idempotency_record WHERE workspace_id = :workspace AND idempotency_key = :key")
    Optional<IdempotencyRow> find(@Bind("workspace") String workspace, @Bind("key") String key);

    @SqlUpdate("UPDATE idempotency_record SET response_status = :status, response_body = :body"
            + " WHERE workspace_id = :workspace AND idempotency_key = :key")
    int complete(@Bind("workspace") String workspace, @Bind("key") String key, @Bind("status") int status, @Bind("body") String body);

    /** An in-progress claim whose lease ran out (or that predates leases) passes to the caller; one caller wins. */
    @SqlUpdate("UPDATE idempotency_record SET lease_expires_at = :lease WHERE workspace_id = :workspace AND idempotency_key = :key"
            + " AND request_hash = :hash AND response_status IS NULL AND (lease_expires_at IS NULL OR lease_expires_at < :now)")
    int takeOver(@Bind("workspace") String workspace, @Bind("key") String key, @Bind("hash") String hash, @Bind("now") Instant now,
                 @Bind("lease") Instant lease);

    @SqlUpdate("UPDATE idempotency_record SET lease_expires_at = :lease WHERE workspace_id = :workspace AND idempotency_key = :key"
            + " AND response_status IS NULL")
    int renew(@Bind("workspace") String workspace, @Bind("key") String key, @Bind("lease") Instant lease);

    @SqlUpdate("DELETE FROM idempotency_record WHERE workspace_id = :workspace AND idempotency_key = :key"
            + " AND response_status IS NULL")
    int release(@Bind("workspace") String workspace, @Bind("key") String key);

    @SqlUpdate("DELETE FROM idempotency_record WHERE expires_at < :now")
    int deleteExpired(@Bind("now") Instant now);
}
