package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements a worker runs for each job item (start, finish, retry), apart from the job's others: JDBI builds a
 * handler for every method of a SqlObject each time one is attached, and a worker attaches this one twice per item.
 */
interface JobItemDao {
    String CANCELLED_JOB = "EXISTS (SELECT 1 FROM job WHERE id = :job AND cancel_requested_at IS NOT NULL)";

    @SqlUpdate("UPDATE job_item SET state = 'RUNNING', attempts = attempts + 1 WHERE job_id = :job AND item_index = :index"
            + " AND (state = 'RUNNING' OR (state = 'PENDING' AND NOT " + CANCELLED_JOB + "))")
    int start(@Bind("job") String job, @Bind("index") int index);

    @SqlQuery("SELECT j.workspace_id, j.connection_id, j.kind, i.request, i.attempts FROM job_item i JOIN job j ON j.id = i.job_id"
            + " WHERE i.job_id = :job AND i.item_index = :index")
    StartedItemRow started(@Bind("job") String job, @Bind("index") int index);

    @SqlUpdate("UPDATE job_item SET state = :state, outcome = :outcome, runbook_id = :runbook, page_id = :page, error_code = :code,"
            + " error_detail = :detail, finished_at = :at WHERE job_id = :job AND item_index = :index AND state IN " + JobDao.UNFINISHED)
    int finish(@Bind("job") String job, @Bind("index") int index, @Bind("state") String state, @Bind("outcome") String outcome,
               @Bind("runbook") String runbook, @Bind("page") String page, @Bind("code") String code, @Bind("detail") String detail,
               @Bind("at") Instant at);

    @SqlUpdate("UPDATE job_item SET state = CASE WHEN " + CANCELLED_JOB + " THEN 'CANCELLED' ELSE 'PENDING' END,"
            + " finished_at = CASE WHEN " + CANCELLED_JOB + " THEN CAST(:at AS TIMESTAMP WITH TIME ZONE) ELSE NULL END, error_code = :code, error_detail = :detail"
            + " WHERE job_id = :job AND item_index = :index AND state = 'RUNNING'")
    int retryLater(@Bind("job") String job, @Bind("index") int index, @Bind("code") String code, @Bind("detail") String detail,
                   @Bind("at") Instant at);

    @SqlUpdate("UPDATE job SET finished_at = :at WHERE id = :job AND finished_at IS NULL AND NOT EXISTS"
            + " (SELECT 1 FROM job_item WHERE job_id = :job AND state IN " + JobDao.UNFINISHED + ")")
    int finishJobIfDone(@Bind("job") String job, @Bind("at") Instant at);
}
