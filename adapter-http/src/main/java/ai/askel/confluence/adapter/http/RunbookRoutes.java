package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.PublishRunbookJson;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;

/** Runbooks published from templates or supplied bodies (with files, as multipart), their attachments, drift, and the templates. */
final class RunbookRoutes implements Api.Group {
    static final String RUNBOOKS = ConnectionRoutes.CONNECTION + "/runbooks";
    static final String RUNBOOK = RUNBOOKS + "/{runbookId}";

    private final PublishRunbookUseCase publish;
    private final GetRunbookUseCase get;
    private final AttachToRunbookUseCase attach;
    private final ListTemplatesUseCase templates;

    @Inject
    RunbookRoutes(PublishRunbookUseCase publish, GetRunbookUseCase get, AttachToRunbookUseCase attach,
                  ListTemplatesUseCase templates) {
        this.publish = publish;
        this.get = get;
        this.attach = attach;
        this.templates = templates;
    }

    @Override
    public void register(Api api) {
        api.postJsonWithFiles(RUNBOOKS, call -> {
            PublishResult result = publish.publish(RequestMapper.publishCommand(call.connection(), call.body(PublishRunbookJson.class),
                    call.files()));
            return Reply.status(result.outcome() == PublishOutcome.CREATED ? 201 : 200, ResponseMapper.publishResult(result));
        });
        api.get(RUNBOOK, call -> Reply.ok(ResponseMapper.runbook(get.get(call.connection(), call.runbookId()))));
        api.postMultipart(RUNBOOK + "/attachments", call -> Reply.created(ResponseMapper.attachment(
                attach.attach(call.connection(), call.runbookId(), call.upload(), UploadProgressListener.NONE))));
        api.get("/api/v1/templates", call -> Reply.ok(templates.list().stream().map(ResponseMapper::template).toList()));
    }
}
