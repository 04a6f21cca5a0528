package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobCounts;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Jobs and items in {@code job} and {@code job_item}. Every state move of an item is one conditional
 * UPDATE (only from PENDING or RUNNING), so two workers racing on an item cannot both record a result;
 * the job's finish time is set in the same transaction as its last item's result.
 */
@Singleton
final class JobRepositoryAdapter implements JobRepositoryPort {
    /** Items inserted per JDBC batch. */
    static final int INSERT_CHUNK = 500;
    /** The length of {@code job_item.error_detail}. */
    static final int MAX_DETAIL = 2000;

    private final Database db;
    private final PersistenceMapper mapper;

    @Inject
    JobRepositoryAdapter(Database db, PersistenceMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Job insertOrGet(Job job, List<JobItemRequest> items) {
        if (items.size() != job.total()) {
            throw new IllegalArgumentException("the job counts %d items, %d given".formatted(job.total(), items.size()));
        }
        List<String> requests = items.stream().map(mapper::toColumn).toList();
        try {
            db.inTransaction(handle -> {
                JobDao dao = handle.attach(JobDao.class);
                dao.insert(mapper.toRow(job));
                for (int from = 0; from < items.size(); from += INSERT_CHUNK) {
                    int to = Math.min(items.size(), from + INSERT_CHUNK);
                    dao.insertItems(job.id().value(), IntStream.range(from, to).boxed().toList(),
                            items.subList(from, to).stream().map(i -> i.title().value()).toList(), requests.subList(from, to));
                }
                return null;
            });
            return job;
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e) && job.idempotencyKey().isPresent()) {
                return db.with(JobDao.class, dao -> dao.findByKey(job.workspace().value(), job.idempotencyKey().get()))
                        .map(this::withCounts).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Job> find(WorkspaceId workspace, JobId id) {
        return find(id).filter(job -> job.workspace().equals(workspace));
    }

    @Override
    public Optional<Job> find(JobId id) {
        return db.with(JobDao.class, dao -> dao.find(id.value())).map(this::withCounts);
    }

    @Override
    public List<Job> list(WorkspaceId workspace, Optional<Instant> before, int limit) {
        List<JobRow> rows = db.with(JobDao.class, dao -> before.isPresent()
                ? dao.listBefore(workspace.value(), before.get(), limit) : dao.list(workspace.value(), limit));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, JobCounts> counts = counts(rows.stream().map(JobRow::id).toList());
        return rows.stream().map(r -> mapper.toDomain(r, counts.getOrDefault(r.id(), JobCounts.NONE))).toList();
    }

    @Override
    public List<JobItem> items(JobId id, int fromIndex, int limit) {
        return db.with(JobDao.class, dao -> dao.items(id.value(), fromIndex, limit)).stream().map(mapper::toDomain).toList();
    }

    @Override
    public Optional<StartedItem> start(JobId id, int index, Instant at) {
        return db.inTransaction(handle -> {
            JobItemDao dao = handle.attach(JobItemDao.class);
            if (dao.start(id.value(), index) == 0) {
                return Optional.empty();
            }
            StartedItemRow row = dao.started(id.value(), index);
            return Optional.of(new StartedItem(WorkspaceId.of(row.workspaceId()), ConnectionId.of(row.connectionId()),
                    JobKind.valueOf(row.kind()), mapper.jobItemRequest(row.request()), row.attempts()));
        });
    }

    @Override
    public boolean finish(JobId id, int index, JobItem.Result result, Instant at) {
        return db.inTransaction(handle -> {
            JobItemDao dao = handle.attach(JobItemDao.class);
            int updated = dao.finish(id.value(), index, result.state().name(), result.outcome().orElse(null),
                    result.runbook().map(r -> r.value()).orElse(null), result.pageId().map(p -> p.value()).orElse(null),
                    result.error().map(JobItem.ItemError::code).orElse(null), result.error().map(e -> clip(e.detail())).orElse(null), at);
            if (updated > 0) {
                dao.finishJobIfDone(id.value(), at);
            }
            return updated > 0;
        });
    }

    @Override
    public void retryLater(JobId id, int index, JobItem.ItemError error, Instant at) {
        db.inTransaction(handle -> {
            JobItemDao dao = handle.attach(JobItemDao.class);
            dao.retryLater(id.value(), index, error.code(), clip(error.detail()), at);
            dao.finishJobIfDone(id.value(), at);
            return null;
        });
    }

    @Override
    public int cancel(JobId id, Instant at) {
        return db.inTransaction(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            dao.cancel(id.value(), at);
            int cancelled = dao.cancelPending(id.value(), at);
            handle.attach(JobItemDao.class).finishJobIfDone(id.value(), at);
            return cancelled;
        });
    }

    @Override
    public List<Integer> unfinishedItems(JobId id) {
        return db.with(JobDao.class, dao -> dao.unfinishedItems(id.value()));
    }

    @Override
    public List<JobId> unfinishedJobs() {
        return db.with(JobDao.class, JobDao::unfinishedJobs).stream().map(JobId::of).toList();
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return db.with(JobDao.class, dao -> dao.purge(cutoff));
    }

    private Job withCounts(JobRow row) {
        return mapper.toDomain(row, counts(List.of(row.id())).getOrDefault(row.id(), JobCounts.NONE));
    }

    private Map<String, JobCounts> counts(List<String> ids) {
        Map<String, Map<JobItemState, Long>> byJob = new HashMap<>();
        for (JobStateCount c : db.with(JobDao.class, dao -> dao.counts(ids))) {
            byJob.computeIfAbsent(c.jobId(), k -> new EnumMap<>(JobItemState.class)).put(JobItemState.valueOf(c.state()), c.items());
        }
        Map<String, JobCounts> counts = new HashMap<>();
        byJob.forEach((job, states) -> counts.put(job, new JobCounts(states.getOrDefault(JobItemState.PENDING, 0L),
                states.getOrDefault(JobItemState.RUNNING, 0L), states.getOrDefault(JobItemState.SUCCEEDED, 0L),
                states.getOrDefault(JobItemState.FAILED, 0L), states.getOrDefault(JobItemState.CANCELLED, 0L))));
        return counts;
    }

    private static String clip(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
