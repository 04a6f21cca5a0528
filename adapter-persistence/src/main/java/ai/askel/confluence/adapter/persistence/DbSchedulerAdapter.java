package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's queue and clock on db-scheduler, over the database every instance shares (its
 * {@code scheduled_tasks} table). A job item is a one-time execution {@code askel-job-item/<job>/<index>}:
 * one instance picks it (PostgreSQL: {@code SELECT ... FOR UPDATE SKIP LOCKED}; H2: an optimistic
 * version update), keeps its heartbeat while running it, and deletes it when done. If the instance dies,
 * the missed heartbeats mark it dead and another instance runs it again. A transient failure is retried
 * with exponential backoff. Recurring tasks are one execution each, rescheduled after every run: exactly
 * one instance runs each occurrence. This is the only class that sees db-scheduler.
 */
@Singleton
final class DbSchedulerAdapter implements ClusterSchedulerPort {
    static final String ITEM_TASK = "askel-job-item";
    /** Executions scheduled per JDBC batch. */
    static final int ENQUEUE_CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerAdapter.class);
    /**
     * H2 needs no database-specific SQL: the generic queries, with timestamps read and written as the
     * TIMESTAMP WITH TIME ZONE columns hold them (what auto-detection falls back to, without its warning).
     */
    private static final DefaultJdbcCustomization H2_CUSTOMIZATION = new DefaultJdbcCustomization(false);

    private final DataSource dataSource;
    private final PersistenceSettings persistence;
    private final SchedulerSettings settings;
    private final Database db;
    private final OneTimeTask<Void> itemTask;
    private final SchedulerClient client;
    private volatile ClusterWork work;
    private Scheduler scheduler;

    @Inject
    DbSchedulerAdapter(DataSource dataSource, PersistenceSettings persistence, SchedulerSettings settings, Database db) {
        this.dataSource = dataSource;
        this.persistence = persistence;
        this.settings = settings;
        this.db = db;
        this.itemTask = Tasks.oneTime(ITEM_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.retryBackoff(), 2.0))
                .execute((instance, context) -> runItem(instance.getId()));
        SchedulerClient.Builder clientBuilder = SchedulerClient.Builder.create(dataSource, itemTask);
        if (!isPostgreSql()) {
            clientBuilder.jdbcCustomization(H2_CUSTOMIZATION);
        }
        this.client = clientBuilder.build();
    }

    @Override
    public void enqueue(JobId job, List<Integer> items) {
        if (items.isEmpty()) {
            return;
        }
        Set<String> queued = new HashSet<>(db.withHandle(handle -> handle.createQuery(
                        "SELECT task_instance FROM scheduled_tasks WHERE task_name = :task AND task_instance LIKE :prefix")
                .bind("task", ITEM_TASK).bind("prefix", job.value() + "/%").mapTo(String.class).list()));
        List<TaskInstance<?>> missing = new ArrayList<>();
        for (int index : items) {
            String id = instanceId(job, index);
            if (!queued.contains(id)) {
                missing.add(itemTask.instance(id));
            }
        }
        Instant now = Instant.now();
        for (int from = 0; from < missing.size(); from += ENQUEUE_CHUNK) {
            List<TaskInstance<?>> chunk = missing.subList(from, Math.min(missing.size(), from + ENQUEUE_CHUNK));
            try {
                client.scheduleBatch(chunk, now);
            } catch (RuntimeException raced) {
                // another instance queued some of them meanwhile: one by one, skipping those
                chunk.forEach(instance -> client.scheduleIfNotExists(instance, now));
            }
        }
    }

    @Override
    public synchronized void start(ClusterWork newWork) {
        if (scheduler != null) {
            throw new IllegalStateException("the worker is already started");
        }
        this.work = newWork;
        List<RecurringTask<Void>> recurring = newWork.recurring().stream().map(DbSchedulerAdapter::recurringTask).toList();
        SchedulerBuilder builder = Scheduler.create(dataSource, List.<Task<?>>of(itemTask))
                .startTasks(recurring) // known tasks too; each is scheduled once (if not already) at start
                .schedulerName(new SchedulerName.Fixed(settings.instanceName()))
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                // a retried item is expected (429, 5xx): its failure is logged by the worker, not as a stack trace here
                .failureLogging(LogLevel.DEBUG, false);
        if (isPostgreSql()) {
            // SELECT ... FOR UPDATE SKIP LOCKED: instances never contend for one row. It fetches again as soon as one thread
            // is free: db-scheduler's default waits until half of them are, and left 15 % of the worker threads' time idle
            // in a measured batch. An item takes several Confluence calls, a fetch one query. Never more picked than
            // threads, so an instance holds no queued item another instance could run.
            builder.pollUsingLockAndFetch(fetchWhenOneThreadIsFree(settings.threads()), 1.0);
        } else {
            builder.jdbcCustomization(H2_CUSTOMIZATION);
        }
        try {
            scheduler = builder.build();
            scheduler.start();
        } catch (RuntimeException e) {
            scheduler = null;
            throw new ConnectorException(ErrorCode.INTERNAL, "the job scheduler could not start: " + e.getMessage(), null, e);
        }
        LOG.info("worker {} started: {} threads, recurring tasks {}", settings.instanceName(), settings.threads(),
                newWork.recurring().stream().map(RecurringWork::name).toList());
    }

    /** The lower limit as a fraction of the threads that db-scheduler rounds down to {@code threads - 1}. */
    private static double fetchWhenOneThreadIsFree(int threads) {
        return (threads - 0.5) / threads;
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.stop();
        scheduler = null;
    }

    private void runItem(String instanceId) {
        ClusterWork current = work;
        if (current == null) {
            throw new IllegalStateException("no worker started in this process");
        }
        int slash = instanceId.lastIndexOf('/');
        JobId job = JobId.of(instanceId.substring(0, slash));
        int index = Integer.parseInt(instanceId.substring(slash + 1));
        if (current.items().apply(job, index) == ItemRun.RETRY) {
            throw new RetryLater(instanceId);
        }
    }

    private static RecurringTask<Void> recurringTask(RecurringWork recurring) {
        return Tasks.recurring("askel-" + recurring.name(), Schedules.fixedDelay(recurring.interval()))
                .execute((instance, context) -> {
                    try {
                        recurring.work().run();
                    } catch (RuntimeException e) {
                        // the next occurrence is scheduled all the same
                        LOG.warn("{} failed: {}", recurring.name(), e.getMessage());
                    }
                });
    }

    private boolean isPostgreSql() {
        return persistence.effectiveJdbcUrl().startsWith("jdbc:postgresql:");
    }

    static String instanceId(JobId job, int index) {
        return job.value() + "/" + index;
    }

    /** Thrown to db-scheduler so that its failure handler schedules the item again with backoff. */
    private static final class RetryLater extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryLater(String instance) {
            super("job item " + instance + " failed transiently; it runs again after a backoff", null, false, false);
        }
    }
}
