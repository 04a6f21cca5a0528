package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface DriftFindingDao {
    String COLUMNS = "f.id, f.connection_id, f.page_id, f.kind, f.detail, f.first_seen, f.last_seen, f.resolved_at, f.acknowledged_at";

    @SqlUpdate("INSERT INTO drift_finding (connection_id, page_id, kind, detail, first_seen, last_seen, resolved_at, open_marker)"
            + " VALUES (:connectionId, :pageId, :kind, :detail, :firstSeen, :lastSeen, NULL, 'Y')")
    void insertOpen(@BindRow DriftFindingRow row);

    /** Renews the open finding; a changed detail (the cause changed) lifts an acknowledgement. */
    @SqlUpdate("UPDATE drift_finding SET acknowledged_at = CASE WHEN detail = :detail THEN acknowledged_at ELSE NULL END,"
            + " detail = :detail, last_seen = :lastSeen"
            + " WHERE connection_id = :connectionId AND page_id = :pageId AND kind = :kind AND open_marker = 'Y'")
    int updateOpen(@BindRow DriftFindingRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_finding f"
            + " WHERE f.connection_id = :connection AND f.page_id = :page AND f.kind = :kind AND f.open_marker = 'Y'")
    Optional<DriftFindingRow> findOpen(@Bind("connection") String connection, @Bind("page") String page, @Bind("kind") String kind);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_finding f WHERE f.connection_id = :connection AND f.id = :id")
    Optional<DriftFindingRow> findById(@Bind("connection") String connection, @Bind("id") long id);

    @SqlUpdate("UPDATE drift_finding SET acknowledged_at = :at"
            + " WHERE connection_id = :connection AND id = :id AND open_marker = 'Y' AND acknowledged_at IS NULL")
    int acknowledge(@Bind("connection") String connection, @Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE drift_finding SET resolved_at = :at, open_marker = NULL"
            + " WHERE connection_id = :connection AND page_id = :page AND kind = :kind AND open_marker = 'Y'")
    int resolve(@Bind("connection") String connection, @Bind("page") String page, @Bind("kind") String kind, @Bind("at") Instant at);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_finding f WHERE f.connection_id = :connection AND f.open_marker = 'Y'"
            + " ORDER BY f.first_seen, f.id")
    List<DriftFindingRow> listOpen(@Bind("connection") String connection);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_finding f WHERE f.connection_id = :connection AND f.page_id = :page"
            + " AND f.open_marker = 'Y' ORDER BY f.first_seen, f.id")
    List<DriftFindingRow> listOpenOfPage(@Bind("connection") String connection, @Bind("page") String page);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_finding f JOIN connection c ON c.id = f.connection_id"
            + " WHERE c.workspace_id = :workspace AND f.open_marker = 'Y' ORDER BY f.first_seen, f.id")
    List<DriftFindingRow> listOpenInWorkspace(@Bind("workspace") String workspace);
}
