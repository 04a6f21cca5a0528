package ai.askel.confluence.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ConnectionDao {
    String COLUMNS = "id, workspace_id, name, site_url, cloud_id, email, token_ciphertext, token_nonce, token_key_id,"
            + " account_id, status, token_expires_on, created_at, updated_at, token_binding";

    @SqlUpdate("INSERT INTO connection (" + COLUMNS + ") VALUES (:id, :workspaceId, :name, :siteUrl, :cloudId, :email,"
            + " :tokenCiphertext, :tokenNonce, :tokenKeyId, :accountId, :status, :tokenExpiresOn, :createdAt, :updatedAt, :tokenBinding)")
    void insert(@BindRow ConnectionRow row);

    /** Replaces the workspace's connection; never touches another workspace's row with the same id. */
    @SqlUpdate("UPDATE connection SET name = :name, site_url = :siteUrl, cloud_id = :cloudId, email = :email,"
            + " token_ciphertext = :tokenCiphertext, token_nonce = :tokenNonce, token_key_id = :tokenKeyId, token_binding = :tokenBinding,"
            + " account_id = :accountId, status = :status, token_expires_on = :tokenExpiresOn, created_at = :createdAt,"
            + " updated_at = :updatedAt WHERE id = :id AND workspace_id = :workspaceId")
    int update(@BindRow ConnectionRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM connection WHERE workspace_id = :workspace AND id = :id")
    Optional<ConnectionRow> find(@Bind("workspace") String workspace, @Bind("id") String id);

    /**
     * The row, locked until the transaction ends (so the token it holds is the one a write or delete replaces). On
     * PostgreSQL this lock also makes inserts of rows that refer to the connection (runbooks, managed pages, findings)
     * wait for the write or delete, and the other way round; both are short.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM connection WHERE workspace_id = :workspace AND id = :id FOR UPDATE")
    Optional<ConnectionRow> lock(@Bind("workspace") String workspace, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM connection WHERE workspace_id = :workspace ORDER BY created_at, id")
    List<ConnectionRow> list(@Bind("workspace") String workspace);

    @SqlQuery("SELECT " + COLUMNS + " FROM connection ORDER BY workspace_id, created_at, id")
    List<ConnectionRow> listAll();

    /** Every row, locked until the transaction ends (for a master key rotation). */
    @SqlQuery("SELECT " + COLUMNS + " FROM connection ORDER BY id FOR UPDATE")
    List<ConnectionRow> lockAll();

    /** Rows whose token is bound to the key id only, locked until the transaction ends (to bind them at start). */
    @SqlQuery("SELECT " + COLUMNS + " FROM connection WHERE token_binding = 1 ORDER BY id FOR UPDATE")
    List<ConnectionRow> lockUnbound();

    @SqlQuery("SELECT DISTINCT token_key_id FROM connection")
    List<String> keyIds();

    @SqlUpdate("UPDATE connection SET token_ciphertext = :tokenCiphertext, token_nonce = :tokenNonce, token_key_id = :tokenKeyId,"
            + " token_binding = :tokenBinding WHERE id = :id")
    int updateToken(@BindRow ConnectionRow row);

    @SqlUpdate("DELETE FROM connection WHERE workspace_id = :workspace AND id = :id")
    int delete(@Bind("workspace") String workspace, @Bind("id") String id);
}
