package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.InvalidInputException.Problem;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.ports.out.JobObserver;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Checks a batch whole (every item's template and inputs, no two items publishing the same page),
 * stores it as a job in one transaction, and queues its items. A crash between storing and queueing
 * leaves the items PENDING; the housekeeping task queues them again.
 */
final class SubmitRunbookBatchService implements SubmitRunbookBatchUseCase {
    /** Problems reported per refused batch; the rest are counted. */
    static final int MAX_PROBLEMS = 50;

    private final ConnectionLookup lookup;
    private final TemplateCatalogPort templates;
    private final TemplateInputValidator validator;
    private final JobRepositoryPort jobs;
    private final ClusterSchedulerPort queue;
    private final ClockPort clock;
    private final JobObserver metrics;
    private final AuditTrail audit;

    @Inject
    public SubmitRunbookBatchService(ConnectionLookup lookup, TemplateCatalogPort templates, TemplateInputValidator validator,
                                     JobRepositoryPort jobs, ClusterSchedulerPort queue, ClockPort clock, JobObserver metrics,
                                     AuditTrail audit) {
        this.lookup = lookup;
        this.templates = templates;
        this.validator = validator;
        this.jobs = jobs;
        this.queue = queue;
        this.clock = clock;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Override
    public Job submit(SubmitRunbookBatchCommand command) {
        lookup.connection(command.ref());
        check(command.items());
        Job submitted = Job.submit(command.ref().workspace(), command.ref().connection(), JobKind.RUNBOOK_PUBLISH_BATCH,
                command.items().size(), command.idempotencyKey(), clock.now());
        Job job = jobs.insertOrGet(submitted, command.items());
        if (job.id().equals(submitted.id())) {
            metrics.queued(job.kind(), job.total());
            audit.record(command.ref().workspace(), "job.submit", Optional.of(command.ref().connection()), Optional.empty(),
                    "job %s: %d runbooks".formatted(job.id(), job.total()));
        }
        queue.enqueue(job.id(), IntStream.range(0, job.total()).boxed().toList());
        return job;
    }

    private void check(List<JobItemRequest> items) {
        List<Problem> problems = new ArrayList<>();
        int more = 0;
        Map<String, Integer> targets = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            List<Problem> found = problems(i, items.get(i), targets);
            for (Problem p : found) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(p);
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            problems.add(new Problem("items", "and %d more problems".formatted(more)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private List<Problem> problems(int index, JobItemRequest item, Map<String, Integer> targets) {
        String at = "items[" + index + "]";
        List<Problem> found = new ArrayList<>();
        Integer earlier = targets.putIfAbsent(item.space().value() + "\u0000" + item.title().value(), index);
        if (earlier != null) {
            found.add(new Problem(at + ".title", "'%s' in space %s is already published by items[%d]; a page is published once per batch"
                    .formatted(item.title().value(), item.space().value(), earlier)));
        }
        Optional<ContentTemplateProvider> template = templates.find(item.templateId());
        if (template.isEmpty()) {
            found.add(new Problem(at + ".templateId", "unknown template '%s'".formatted(item.templateId())));
            return found;
        }
        validator.problems(template.get().id(), template.get().inputs(), item.inputs())
                .forEach(p -> found.add(new Problem(at + "." + p.field(), p.message())));
        return found;
    }
}
