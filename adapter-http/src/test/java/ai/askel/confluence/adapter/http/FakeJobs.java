package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.wiring.UseCases;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobCounts;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.JobView;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.out.JobItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** The job use cases in memory: a job stays as submitted (nothing runs it) until a test finishes items or cancels it. */
final class FakeJobs implements UseCases.JobUseCases {
    private final Consumer<ConnectionRef> connectionCheck;
    private final Map<JobId, Job> jobs = new LinkedHashMap<>();
    private final Map<JobId, List<JobItem>> items = new LinkedHashMap<>();
    final List<SubmitRunbookBatchCommand> submitted = new ArrayList<>();

    FakeJobs(Consumer<ConnectionRef> connectionCheck) {
        this.connectionCheck = connectionCheck;
    }

    @Override
    public synchronized Job submit(SubmitRunbookBatchCommand command) {
        connectionCheck.accept(command.ref());
        submitted.add(command);
        Optional<Job> earlier = command.idempotencyKey().flatMap(key -> jobs.values().stream()
                .filter(j -> j.workspace().equals(command.ref().workspace()) && j.idempotencyKey().equals(Optional.of(key))).findFirst());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Job job = Job.submit(command.ref().workspace(), command.ref().connection(), JobKind.RUNBOOK_PUBLISH_BATCH, command.items().size(),
                command.idempotencyKey(), Instant.now());
        jobs.put(job.id(), job);
        items.put(job.id(), new ArrayList<>(IntStream.range(0, command.items().size()).mapToObj(i -> new JobItem(i,
                command.items().get(i).title(), JobItemState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())).toList()));
        return job;
    }

    @Override
    public synchronized JobView get(WorkspaceId workspace, JobId id, int fromIndex, int limit) {
        Job job = find(workspace, id);
        List<JobItem> all = items.get(id);
        List<JobItem> page = all.subList(Math.min(fromIndex, all.size()), Math.min(all.size(), fromIndex + limit));
        int next = fromIndex + page.size();
        return new JobView(job, page, next < all.size() ? Optional.of(next) : Optional.empty());
    }

    @Override
    public synchronized List<Job> list(WorkspaceId workspace, Optional<Instant> before, int limit) {
        return jobs.values().stream().filter(j -> j.workspace().equals(workspace))
                .filter(j -> before.map(b -> j.submittedAt().isBefore(b)).orElse(true))
                .sorted(Comparator.comparing(Job::submittedAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Job cancel(WorkspaceId workspace, JobId id) {
        Job job = find(workspace, id).cancel(Instant.now());
        List<JobItem> list = items.get(id);
        list.replaceAll(i -> i.state() == JobItemState.PENDING ? new JobItem(i.index(), i.title(), JobItemState.CANCELLED, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Instant.now())) : i);
        long cancelled = list.stream().filter(i -> i.state() == JobItemState.CANCELLED).count();
        Job updated = new Job(job.id(), job.workspace(), job.connection(), job.kind(), job.total(), job.idempotencyKey(),
                job.submittedAt(), job.cancelRequestedAt(), Optional.of(Instant.now()),
                new JobCounts(0, 0, list.size() - cancelled, 0, cancelled));
        jobs.put(id, updated);
        return updated;
    }

    private Job find(WorkspaceId workspace, JobId id) {
        Job job = jobs.get(id);
        if (job == null || !job.workspace().equals(workspace)) {
            throw new NotFoundException("job %s not found".formatted(id));
        }
        return job;
    }
}
