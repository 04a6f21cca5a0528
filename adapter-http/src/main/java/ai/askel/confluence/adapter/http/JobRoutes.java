package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.BatchItemJson;
import ai.askel.confluence.adapter.http.ApiJson.JobCountsJson;
import ai.askel.confluence.adapter.http.ApiJson.JobDetailJson;
import ai.askel.confluence.adapter.http.ApiJson.JobItemErrorJson;
import ai.askel.confluence.adapter.http.ApiJson.JobItemJson;
import ai.askel.confluence.adapter.http.ApiJson.JobJson;
import ai.askel.confluence.adapter.http.ApiJson.ListJson;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.JobView;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs: a batch of runbook publishes submitted as one job (202 and its location), then read, listed and cancelled. */
final class JobRoutes implements Api.Group {
    static final String BATCH = RunbookRoutes.RUNBOOKS + "/batch";
    static final String JOBS = "/api/v1/jobs";
    static final String JOB = JOBS + "/{jobId}";
    static final int DEFAULT_ITEMS_PAGE = 100;

    private final SubmitRunbookBatchUseCase submit;
    private final GetJobUseCase get;
    private final ListJobsUseCase list;
    private final CancelJobUseCase cancel;

    @Inject
    JobRoutes(SubmitRunbookBatchUseCase submit, GetJobUseCase get, ListJobsUseCase list, CancelJobUseCase cancel) {
        this.submit = submit;
        this.get = get;
        this.list = list;
        this.cancel = cancel;
    }

    @Override
    public void register(Api api) {
        api.postBatch(BATCH, call -> {
            List<BatchItemJson> json = call.batch(BatchItemJson.class, Job.MAX_ITEMS);
            List<JobItemRequest> items = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                items.add(RequestMapper.batchItem(i, json.get(i)));
            }
            Job job = submit.submit(new SubmitRunbookBatchCommand(call.connection(), items, call.header("Idempotency-Key")));
            JobJson body = job(job);
            return new Reply(202, Optional.of(body), Map.of("Location", body.location()));
        });
        api.get(JOBS, call -> Reply.ok(new ListJson<>(list.list(call.workspace(), call.query("before").map(JobRoutes::instant),
                call.limit()).stream().map(JobRoutes::job).toList())));
        api.get(JOB, call -> {
            int from = call.query("from").map(v -> number("from", v)).orElse(0);
            int limit = call.query("limit").map(v -> number("limit", v)).orElse(DEFAULT_ITEMS_PAGE);
            JobView view = get.get(call.workspace(), jobId(call), from, limit);
            return Reply.ok(new JobDetailJson(job(view.job()), view.items().stream().map(JobRoutes::item).toList(),
                    view.nextIndex().orElse(null)));
        });
        api.post(JOB + "/cancel", call -> Reply.ok(job(cancel.cancel(call.workspace(), jobId(call)))));
    }

    private static JobId jobId(Call call) {
        return JobId.of(call.pathParam("jobId"));
    }

    static JobJson job(Job j) {
        return new JobJson(j.id().value(), j.kind().name().toLowerCase(java.util.Locale.ROOT), j.connection().value(),
                j.state().name().toLowerCase(java.util.Locale.ROOT), j.total(), new JobCountsJson(j.counts().pending(),
                j.counts().running(), j.counts().succeeded(), j.counts().failed(), j.counts().cancelled()), j.submittedAt().toString(),
                j.cancelRequestedAt().map(Instant::toString).orElse(null), j.finishedAt().map(Instant::toString).orElse(null),
                JOBS + "/" + j.id().value());
    }

    static JobItemJson item(JobItem i) {
        return new JobItemJson(i.index(), i.title().value(), i.state().name().toLowerCase(java.util.Locale.ROOT), i.attempts(),
                i.outcome().map(o -> o.toLowerCase(java.util.Locale.ROOT)).orElse(null), i.runbook().map(RunbookId::value).orElse(null),
                i.pageId().map(PageId::value).orElse(null), i.error().map(e -> new JobItemErrorJson(e.code(), e.detail())).orElse(null),
                i.finishedAt().map(Instant::toString).orElse(null));
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "must be a whole number");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("before", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
