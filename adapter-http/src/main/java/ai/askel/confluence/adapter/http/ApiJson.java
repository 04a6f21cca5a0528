package ai.askel.confluence.adapter.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's wire records, named as the API documents them. Requests hold plain JSON types
 * (strings, numbers, lists), so {@link RequestMapper} can name every invalid field itself; responses
 * carry absent values as {@code null}, so every documented field is always there.
 */
final class ApiJson {
    private ApiJson() {
    }

    // ---- requests ----

    record RegisterConnectionJson(String name, String siteUrl, String email, String apiToken, String cloudId,
                                  String tokenExpiresOn) {
    }

    record RotateCredentialsJson(String apiToken, String email, String tokenExpiresOn) {
    }

    record BodyJson(String representation, String value) {
    }

    record CreatePageJson(String spaceKey, String title, String parentId, BodyJson body, List<String> labels) {
    }

    record UpdatePageJson(String title, BodyJson body, Integer baseVersion, String message, Boolean force) {
    }

    record LabelsJson(List<String> labels) {
    }

    /** A publish from a {@code template} and its {@code inputs}, or of a {@code body} the caller compiled (exactly one of the two). */
    record PublishRunbookJson(String template, String spaceKey, String parentTitle, String title, Map<String, Object> inputs,
                              BodyJson body, List<String> labels, String onDrift, Boolean dryRun) {
    }

    record NewWorkspaceJson(String name) {
    }

    record NewApiKeyJson(String name, String scope) {
    }

    /** One runbook of a batch: a single publish's fields (no dry run) and attachments inline as base64. */
    record BatchItemJson(String template, String spaceKey, String parentTitle, String title, Map<String, Object> inputs,
                         List<String> labels, String onDrift, List<InlineAttachmentJson> attachments) {
    }

    record InlineAttachmentJson(String fileName, String mediaType, String contentBase64, String comment) {
    }

    // ---- responses ----

    record WorkspaceJson(String id, String name, String createdAt) {
    }

    record ApiKeyJson(String id, String workspaceId, String name, String prefix, String scope, String createdAt, String revokedAt) {
    }

    /** An answer carrying a secret the connector shows once: what an idempotent replay may answer instead is {@link #shownOnce()}. */
    interface CarriesSecret {
        Object shownOnce();
    }

    /** A new key: the only answer that ever carries the key itself. */
    record CreatedApiKeyJson(String id, String workspaceId, String name, String prefix, String scope, String createdAt,
                             String revokedAt, String key) implements CarriesSecret {
        /** The key is kept nowhere (only its hash is): a replay names the key it made, without it. */
        @Override
        public CreatedApiKeyJson shownOnce() {
            return new CreatedApiKeyJson(id, workspaceId, name, prefix, scope, createdAt, revokedAt, null);
        }
    }

    record AuditEventJson(long sequence, String occurredAt, String action, String apiKeyPrefix, String connectionId, String pageId,
                          String outcome, String traceId) {
    }

    record JobCountsJson(long pending, long running, long succeeded, long failed, long cancelled) {
    }

    record JobJson(String id, String kind, String connectionId, String state, int total, JobCountsJson counts, String submittedAt,
                   String cancelRequestedAt, String finishedAt, String location) {
    }

    record JobItemErrorJson(String code, String detail) {
    }

    record JobItemJson(int index, String title, String state, int attempts, String outcome, String runbookId, String pageId,
                       JobItemErrorJson error, String finishedAt) {
    }

    record JobDetailJson(JobJson job, List<JobItemJson> items, Integer nextFrom) {
    }

    record ConnectionJson(String id, String name, String siteUrl, String email, String accountId, String status,
                          String cloudId, String tokenExpiresOn, String createdAt, String updatedAt) {
    }

    record SliceJson<T>(List<T> results, String nextCursor) {
    }

    record ListJson<T>(List<T> results) {
    }

    record SpaceJson(String id, String key, String name, String type) {
    }

    record PageJson(String id, String spaceKey, String title, String parentId, int version, List<String> labels,
                    BodyJson body, String webUrl) {
    }

    /** The page an update answers, and whether it wrote a version. */
    record UpdatedPageJson(@JsonUnwrapped PageJson page, boolean changed) {
    }

    record VersionJson(int number, String authorId, String message, String createdAt) {
    }

    record ChildPageJson(String id, String title, int version, String webUrl) {
    }

    record SearchResultJson(String id, String spaceKey, String title, int version, String lastModified, String webUrl) {
    }

    record AttachmentJson(String id, String title, long fileSize, String mediaType, int version, String downloadUrl,
                          String comment) {
    }

    /** What a publish did or, on a dry run, would do; only a dry run's answer carries the rendered body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanJson(String action, boolean createParent, List<String> labelsToAdd, List<String> attachmentsToUpload, String renderedBody) {
    }

    record DriftFindingJson(String id, String connectionId, String pageId, String kind, String detail, String firstSeen, String lastSeen,
                            String resolvedAt, String acknowledgedAt) {
    }

    record DriftScanJson(String connectionId, String startedAt, String finishedAt, String outcome, String problem, int openFindings) {
    }

    record DriftListJson(List<DriftFindingJson> results, List<DriftScanJson> scans) {
    }

    record PublishResultJson(String id, String pageId, Integer version, String outcome, String webUrl, PlanJson plan,
                             List<DriftFindingJson> driftOverridden) {
    }

    /** A stored runbook; {@code source} is "template" (with template, version and inputs) or "body" (with its representation). */
    record RunbookJson(String id, String connectionId, String spaceKey, String parentTitle, String title, String source, String template,
                       String templateVersion, Map<String, Object> inputs, String bodyRepresentation, List<String> labels, String status,
                       String pageId, Integer version, String publishedAt) {
    }

    record TemplateInputJson(String name, String type, boolean required, String description, String example,
                             List<String> columns) {
    }

    record TemplateJson(String id, String version, String name, String description, List<TemplateInputJson> inputs,
                        List<String> defaultLabels) {
    }

    record ReadinessJson(String status, Map<String, String> checks) {
    }

    /**
     * An RFC 9457 problem, plus the connector's stable {@code code} and Confluence's trace id. {@code errors}
     * lists at most the first 20 field errors; {@code errorCount} then says how many there were in all.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProblemJson(String type, String title, int status, String detail, String instance, String code, String traceId,
                       List<FieldErrorJson> errors, Integer errorCount) {
    }

    record FieldErrorJson(String field, String message) {
    }
}
