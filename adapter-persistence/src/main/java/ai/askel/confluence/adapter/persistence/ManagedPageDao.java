package ai.askel.confluence.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ManagedPageDao {
    String COLUMNS = "connection_id, page_id, space_key, title, parent_page_id, role, runbook_id, version, content_hash,"
            + " labels_json, updated_at";

    @SqlUpdate("INSERT INTO managed_page (" + COLUMNS + ") VALUES (:connectionId, :pageId, :spaceKey, :title, :parentPageId,"
            + " :role, :runbookId, :version, :contentHash, :labelsJson, :updatedAt)")
    void insert(@BindRow ManagedPageRow row);

    @SqlUpdate("UPDATE managed_page SET space_key = :spaceKey, title = :title, parent_page_id = :parentPageId, role = :role,"
            + " runbook_id = :runbookId, version = :version, content_hash = :contentHash, labels_json = :labelsJson,"
            + " updated_at = :updatedAt WHERE connection_id = :connectionId AND page_id = :pageId")
    int update(@BindRow ManagedPageRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM managed_page WHERE connection_id = :connection AND page_id = :page")
    Optional<ManagedPageRow> find(@Bind("connection") String connection, @Bind("page") String page);

    /** Confluence keeps titles unique in a space; of stale records, the newest wins. */
    @SqlQuery("SELECT " + COLUMNS + " FROM managed_page WHERE connection_id = :connection AND space_key = :space AND title = :title"
            + " ORDER BY updated_at DESC, page_id FETCH FIRST 1 ROWS ONLY")
    Optional<ManagedPageRow> findByTitle(@Bind("connection") String connection, @Bind("space") String space,
                                         @Bind("title") String title);

    @SqlQuery("SELECT " + COLUMNS + " FROM managed_page WHERE connection_id = :connection ORDER BY space_key, title, page_id")
    List<ManagedPageRow> listByConnection(@Bind("connection") String connection);

    @SqlUpdate("DELETE FROM managed_page WHERE connection_id = :connection AND page_id = :page")
    int delete(@Bind("connection") String connection, @Bind("page") String page);
}
