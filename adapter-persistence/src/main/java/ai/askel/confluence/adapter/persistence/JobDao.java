package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface JobDao {
    String JOB = "id, workspace_id, connection_id, kind, total, idempotency_key, submitted_at, cancel_requested_at, finished_at";
    String ITEM = "job_id, item_index, title, state, attempts, outcome, runbook_id, page_id, error_code, error_detail, finished_at";
    String UNFINISHED = "('PENDING', 'RUNNING')";

    @SqlUpdate("INSERT INTO job (" + JOB + ") VALUES (:id, :workspaceId, :connectionId, :kind, :total, :idempotencyKey, :submittedAt,"
            + " :cancelRequestedAt, :finishedAt)")
    void insert(@BindRow JobRow row);

    @SqlBatch("INSERT INTO job_item (job_id, item_index, title, request, state, attempts) VALUES (:job, :index, :title, :request,"
            + " 'PENDING', 0)")
    void insertItems(@Bind("job") String job, @Bind("index") List<Integer> index, @Bind("title") List<String> title,
                     @Bind("request") List<String> request);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE id = :id")
    Optional<JobRow> find(@Bind("id") String id);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspace AND idempotency_key = :key")
    Optional<JobRow> findByKey(@Bind("workspace") String workspace, @Bind("key") String key);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspace ORDER BY submitted_at DESC, id LIMIT :limit")
    List<JobRow> list(@Bind("workspace") String workspace, @Bind("limit") int limit);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspace AND submitted_at < :before"
            + " ORDER BY submitted_at DESC, id LIMIT :limit")
    List<JobRow> listBefore(@Bind("workspace") String workspace, @Bind("before") Instant before, @Bind("limit") int limit);

    @SqlQuery("SELECT job_id, state, COUNT(*) AS items FROM job_item WHERE job_id IN (<ids>) GROUP BY job_id, state")
    List<JobStateCount> counts(@BindList("ids") List<String> ids);

    @SqlQuery("SELECT " + ITEM + " FROM job_item WHERE job_id = :job AND item_index >= :from ORDER BY item_index LIMIT :limit")
    List<JobItemRow> items(@Bind("job") String job, @Bind("from") int from, @Bind("limit") int limit);

    @SqlUpdate("UPDATE job SET cancel_requested_at = :at WHERE id = :job AND cancel_requested_at IS NULL")
    int cancel(@Bind("job") String job, @Bind("at") Instant at);

    @SqlUpdate("UPDATE job_item SET state = 'CANCELLED', finished_at = :at WHERE job_id = :job AND state = 'PENDING'")
    int cancelPending(@Bind("job") String job, @Bind("at") Instant at);

    @SqlQuery("SELECT item_index FROM job_item WHERE job_id = :job AND state IN " + UNFINISHED + " ORDER BY item_index")
    List<Integer> unfinishedItems(@Bind("job") String job);

    @SqlQuery("SELECT id FROM job WHERE finished_at IS NULL ORDER BY submitted_at")
    List<String> unfinishedJobs();

    @SqlUpdate("DELETE FROM job WHERE finished_at < :cutoff")
    int purge(@Bind("cutoff") Instant cutoff);
}
