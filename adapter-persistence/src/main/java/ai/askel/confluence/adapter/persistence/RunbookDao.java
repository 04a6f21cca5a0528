package ai.askel.confluence.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface RunbookDao {
    String COLUMNS = "id, workspace_id, connection_id, space_key, parent_title, title, template_id, template_version,"
            + " inputs_json, body_representation, body_hash, labels_json, status, page_id, parent_page_id, published_version, published_hash, published_title,"
            + " published_labels_json, published_attachments_json, published_at, revision";

    @SqlUpdate("INSERT INTO runbook (" + COLUMNS + ") VALUES (:id, :workspaceId, :connectionId, :spaceKey, :parentTitle, :title,"
            + " :templateId, :templateVersion, :inputsJson, :bodyRepresentation, :bodyHash, :labelsJson, :status, :pageId, :parentPageId, :publishedVersion,"
            + " :publishedHash, :publishedTitle, :publishedLabelsJson, :publishedAttachmentsJson, :publishedAt, :revision)")
    void insert(@BindRow RunbookRow row);

    /** Writes the row at {@code row.revision()} only if the stored revision is still {@code expected}. */
    @SqlUpdate("UPDATE runbook SET parent_title = :parentTitle, template_id = :templateId, template_version = :templateVersion,"
            + " inputs_json = :inputsJson, body_representation = :bodyRepresentation, body_hash = :bodyHash, labels_json = :labelsJson, status = :status, page_id = :pageId,"
            + " parent_page_id = :parentPageId, published_version = :publishedVersion, published_hash = :publishedHash,"
            + " published_title = :publishedTitle, published_labels_json = :publishedLabelsJson,"
            + " published_attachments_json = :publishedAttachmentsJson, published_at = :publishedAt, revision = :revision"
            + " WHERE id = :id AND workspace_id = :workspaceId AND revision = :expected")
    int update(@BindRow RunbookRow row, @Bind("expected") long expected);

    @SqlQuery("SELECT revision FROM runbook WHERE id = :id AND workspace_id = :workspace")
    Optional<Long> revision(@Bind("workspace") String workspace, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM runbook WHERE workspace_id = :workspace AND id = :id")
    Optional<RunbookRow> find(@Bind("workspace") String workspace, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM runbook WHERE connection_id = :connection AND space_key = :space AND title = :title")
    Optional<RunbookRow> findByTarget(@Bind("connection") String connection, @Bind("space") String space, @Bind("title") String title);

    @SqlQuery("SELECT " + COLUMNS + " FROM runbook WHERE connection_id = :connection ORDER BY space_key, title")
    List<RunbookRow> listByConnection(@Bind("connection") String connection);
}
