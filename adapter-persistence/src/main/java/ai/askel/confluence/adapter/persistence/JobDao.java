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

    @SqlUpdate("UPDATE job_item SET state = 'RUNNING', attempts = attempts + 1 WHERE job_id = :job AND item_index = :index"
            + " AND (state = 'RUNNING' OR (state = 'PENDING' AND NOT " + JobDao.CANCELLED_JOB + "))")
    int start(@Bind("job") String job, @Bind("index") int index);

    @SqlQuery("SELECT j.workspace_id, j.connection_id, j.kind, i.request, i.attempts FROM job_item i JOIN job j ON j.id = i.job_id"
            + " WHERE i.job_id = :job AND i.item_index = :index")
    StartedItemRow started(@Bind("job") String job, @Bind("index") int index);

    @SqlUpdate("UPDATE job_item SET state = :state, outcome = :outcome, runbook_id = :runbook, page_id = :page, error_code = :code,"
            + " error_detail = :detail, finished_at = :at WHERE job_id = :job AND item_index = :index AND state IN " + UNFINISHED)
    int finish(@Bind("job") String job, @Bind("index") int index, @Bind("state") String state, @Bind("outcome") String outcome,
               @Bind("runbook") String runbook, @Bind("page") String page, @Bind("code") String code, @Bind("detail") String detail,
               @Bind("at") Instant at);

    String CANCELLED_JOB = "EXISTS (SELECT 1 FROM job WHERE id = :job AND cancel_requested_at IS NOT NULL)";

    @SqlUpdate("UPDATE job_item SET state = CASE WHEN " + CANCELLED_JOB + " THEN 'CANCELLED' ELSE 'PENDING' END,"
            + " finished_at = CASE WHEN " + CANCELLED_JOB + " THEN CAST(:at AS TIMESTAMP WITH TIME ZONE) ELSE NULL END, error_code = :code, error_detail = :detail"
            + " WHERE job_id = :job AND item_index = :index AND state = 'RUNNING'")
    int retryLater(@Bind("job") String job, @Bind("index") int index, @Bind("code") String code, @Bind("detail") String detail,
                   @Bind("at") Instant at);

    @SqlUpdate("UPDATE job SET finished_at = :at WHERE id = :job AND finished_at IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM job_item WHERE job_id = :job AND state IN " + UNFINISHED + ")")
    int finishJobIfDone(@Bind("job") String job, @Bind("at") Instant at);

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
