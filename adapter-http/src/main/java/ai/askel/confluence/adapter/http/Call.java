package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AttachmentUpload;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request as a route sees it: who called, the path and query parameters, and the parsed body. */
final class Call {
    private final Context ctx;
    private final Optional<AuthenticatedCaller> caller;
    private final byte[] body;
    private final Optional<AttachmentUpload> upload;
    private final JsonCodec json;

    Call(Context ctx, Optional<AuthenticatedCaller> caller, byte[] body, Optional<AttachmentUpload> upload, JsonCodec json) {
        this.ctx = ctx;
        this.caller = caller;
        this.body = body;
        this.upload = upload;
        this.json = json;
    }

    WorkspaceId workspace() {
        return caller.orElseThrow(() -> new IllegalStateException("route is not authenticated")).workspace();
    }

    /** The connection named in the path, in the caller's workspace (another workspace's is not found). */
    ConnectionRef connection() {
        return new ConnectionRef(workspace(), ConnectionId.of(ctx.pathParam("connectionId")));
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    PageId pageId() {
        return PageId.of(ctx.pathParam("pageId"));
    }

    RunbookId runbookId() {
        return RunbookId.of(ctx.pathParam("runbookId"));
    }

    Label label() {
        return Label.of(ctx.pathParam("label"));
    }

    <T> T body(Class<T> type) {
        return json.read(body, type);
    }

    /** A batch body: JSON array or NDJSON, by the request's content type. */
    <T> java.util.List<T> batch(Class<T> type, int maxItems) {
        boolean ndjson = RequestPipeline.mediaType(ctx.contentType()).equals(RequestPipeline.NDJSON);
        return json.readBatch(body, type, ndjson, maxItems);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name)).filter(v -> !v.isBlank());
    }

    AttachmentUpload upload() {
        return upload.orElseThrow(() -> new IllegalStateException("route takes no multipart body"));
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isEmpty());
    }

    int limit() {
        return HttpMapper.limit(query("limit"));
    }

    Optional<String> cursor() {
        return query("cursor");
    }

    /** The given query parameters that are present, in the order named. */
    Map<String, String> queries(String... names) {
        Map<String, String> present = new LinkedHashMap<>();
        for (String name : names) {
            query(name).ifPresent(v -> present.put(name, v));
        }
        return present;
    }
}
