package ai.askel.confluence.adapter.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface DriftScanStatusDao {
    String COLUMNS = "s.connection_id, s.started_at, s.took_millis, s.outcome, s.problem, s.open_findings";

    @SqlUpdate("UPDATE drift_scan_status SET started_at = :startedAt, took_millis = :tookMillis, outcome = :outcome,"
            + " problem = :problem, open_findings = :openFindings WHERE connection_id = :connectionId")
    int update(@BindRow DriftScanStatusRow row);

    @SqlUpdate("INSERT INTO drift_scan_status (connection_id, started_at, took_millis, outcome, problem, open_findings)"
            + " VALUES (:connectionId, :startedAt, :tookMillis, :outcome, :problem, :openFindings)")
    void insert(@BindRow DriftScanStatusRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_scan_status s WHERE s.connection_id = :connection")
    Optional<DriftScanStatusRow> find(@Bind("connection") String connection);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_scan_status s JOIN connection c ON c.id = s.connection_id"
            + " WHERE c.workspace_id = :workspace ORDER BY c.name, s.connection_id")
    List<DriftScanStatusRow> list(@Bind("workspace") String workspace);

    @SqlQuery("SELECT " + COLUMNS + " FROM drift_scan_status s ORDER BY s.connection_id")
    List<DriftScanStatusRow> listAll();
}
