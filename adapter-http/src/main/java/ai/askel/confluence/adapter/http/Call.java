package ai.askel.confluence.adapter.http;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFindingId;
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
import java.util.List;
import java.util.Optional;

/** One request as a route sees it: who called, the path and query parameters, and the parsed body. */
final class Call {
    private final Context ctx;
    private final Optional<AuthenticatedCaller> caller;
    private final byte[] body;
    private final Optional<AttachmentUpload> upload;
    private final List<AttachmentUpload> files;
    private final JsonCodec json;

    Call(Context ctx, Optional<AuthenticatedCaller> caller, byte[] body, Optional<AttachmentUpload> upload, List<AttachmentUpload> files,
         JsonCodec json) {
        this.ctx = ctx;
        this.caller = caller;
        this.body = body;
        this.upload = upload;
        this.files = List.copyOf(files);
        this.json = json;
    }

    /** The files sent with a multipart request's JSON (none for a plain JSON request). */
    List<AttachmentUpload> files() {
        return files;
    }

    WorkspaceId workspace() {
        return caller().workspace();
    }

    AuthenticatedCaller caller() {
        return caller.orElseThrow(() -> new IllegalStateException("route is not authenticated"));
    }

    /**
     * The workspace named in the path, if the caller may administer it: its own, or any for the operator (an admin
     * key of the default workspace). Another workspace is not found, exactly as if it did not exist.
     */
    WorkspaceId administeredWorkspace() {
        WorkspaceId named = WorkspaceId.of(ctx.pathParam("workspaceId"));
        if (!named.equals(workspace()) && !isOperator()) {
            throw new ai.askel.confluence.domain.error.NotFoundException("workspace " + named + " not found");
        }
        return named;
    }

    /** Whether the caller holds an admin key of the default workspace, the one that administers the others. */
    boolean isOperator() {
        return caller().workspace().equals(ai.askel.confluence.domain.WorkspaceIds.DEFAULT)
                && caller().scope() == ai.askel.confluence.domain.ApiKeyScope.ADMIN;
    }

    /** The connection named in the path, in the caller's workspace (another workspace's is not found). */
    ConnectionRef connection() {
        return new ConnectionRef(workspace(), ConnectionId.of(ctx.pathParam("connectionId")));
    }

    String pathParam(String name) {
        return ctx.pathParam(name);
    }

    PageId pageId() {
        return PageId.of(ctx.pathParam("pageId"));
    }

    DriftFindingId findingId() {
        return DriftFindingId.parse(ctx.pathParam("findingId"));
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
        return RequestMapper.limit(query("limit"));
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
