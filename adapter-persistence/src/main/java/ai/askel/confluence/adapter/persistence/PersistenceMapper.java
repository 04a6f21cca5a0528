package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.CloudId;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.EncryptedSecret;
import ai.askel.confluence.ports.out.SecretBinding;
import ai.askel.confluence.ports.out.IdempotencyRecord;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.SecretCipherPort;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobCounts;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.JobItemState;
import ai.askel.confluence.domain.JobKind;
import ai.askel.confluence.ports.out.JobItem;
import ai.askel.confluence.ports.out.JobItemRequest;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts between the domain and the {@code *Row} records, in one place. Collections (labels,
 * attachments) and template inputs are JSON text; API tokens go through the cipher on the way in
 * and out, so no row ever holds one in plain text.
 */
@Singleton
final class PersistenceMapper {
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };
    private static final TypeReference<List<AttachmentColumn>> ATTACHMENTS = new TypeReference<>() { };

    /** How a published attachment is written in {@code published_attachments_json}. */
    record AttachmentColumn(String fileName, String hash, String attachmentId, long size, Integer version) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private final SecretCipherPort cipher;

    @Inject
    PersistenceMapper(SecretCipherPort cipher) {
        this.cipher = cipher;
    }

    ConnectionRow toRow(Connection c) {
        EncryptedSecret token = cipher.encrypt(c.apiToken(), SecretBinding.apiTokenOf(c.id().value()));
        return new ConnectionRow(c.id().value(), c.workspace().value(), c.name(), c.site().origin(),
                c.cloudId().map(CloudId::value).orElse(null), c.email().value(), token.ciphertext(), token.nonce(), token.keyId(),
                c.accountId().orElse(null), c.status().name(), c.tokenExpiresOn().orElse(null), c.createdAt(), c.updatedAt(),
                ConnectionRow.BOUND);
    }

    Connection toDomain(ConnectionRow r) {
        return new Connection(ConnectionId.of(r.id()), WorkspaceId.of(r.workspaceId()), r.name(), new SiteUrl(r.siteUrl()),
                Optional.ofNullable(r.cloudId()).map(CloudId::new), EmailAddress.of(r.email()),
                r.binding().map(binding -> cipher.decrypt(r.token(), binding)).orElseGet(() -> cipher.decrypt(r.token())),
                Optional.ofNullable(r.accountId()), ConnectionStatus.valueOf(r.status()), Optional.ofNullable(r.tokenExpiresOn()),
                r.createdAt(), r.updatedAt());
    }

    RunbookRow toRow(Runbook r, long revision) {
        Optional<PublishedState> p = r.published();
        return new RunbookRow(r.id().value(), r.workspace().value(), r.connection().value(), r.space().value(),
                r.parentTitle().value(), r.title().value(), template(r).map(t -> t.template().id()).orElse(null),
                template(r).map(t -> t.template().version()).orElse(null), write(template(r).map(t -> t.inputs().values()).orElse(Map.of())),
                supplied(r).map(b -> b.representation().wireName()).orElse(null), supplied(r).map(b -> b.hash().hex()).orElse(null),
                labelsJson(r.labels()), r.status().name(),
                p.map(s -> s.pageId().value()).orElse(null), p.map(s -> s.parentId().value()).orElse(null),
                p.map(s -> s.version().number()).orElse(null), p.map(s -> s.contentHash().hex()).orElse(null),
                p.map(s -> s.title().value()).orElse(null), p.map(s -> labelsJson(s.labels())).orElse(null),
                p.map(s -> write(s.attachments().stream().map(a -> new AttachmentColumn(a.fileName(), a.hash().hex(),
                        a.attachmentId().value(), a.size(), a.version().map(Version::number).orElse(null))).toList())).orElse(null),
                p.map(PublishedState::publishedAt).orElse(null), revision);
    }

    Runbook toDomain(RunbookRow r) {
        Optional<PublishedState> published = Optional.ofNullable(r.pageId()).map(page -> new PublishedState(PageId.of(page),
                PageId.of(r.parentPageId()), Version.of(r.publishedVersion()), new ContentHash(r.publishedHash()),
                Title.of(r.publishedTitle()), labels(r.publishedLabelsJson()),
                read(r.publishedAttachmentsJson(), ATTACHMENTS).stream().map(a -> new PublishedAttachment(a.fileName(),
                        new ContentHash(a.hash()), new AttachmentId(a.attachmentId()), a.size(),
                        Optional.ofNullable(a.version()).map(Version::of))).toList(),
                r.publishedAt()));
        return new Runbook(RunbookId.of(r.id()), WorkspaceId.of(r.workspaceId()), ConnectionId.of(r.connectionId()),
                SpaceKey.of(r.spaceKey()), Title.of(r.parentTitle()), Title.of(r.title()),
                source(r), labels(r.labelsJson()), published, RunbookStatus.valueOf(r.status()), r.revision());
    }

    private RunbookSource source(RunbookRow r) {
        return r.bodyRepresentation() != null
                ? new RunbookSource.SuppliedBody(BodyRepresentation.fromWireName(r.bodyRepresentation()), new ContentHash(r.bodyHash()))
                : new RunbookSource.Template(new TemplateRef(r.templateId(), r.templateVersion()), new TemplateInputs(read(r.inputsJson(), INPUTS)));
    }

    private static Optional<RunbookSource.Template> template(Runbook r) {
        return r.source() instanceof RunbookSource.Template t ? Optional.of(t) : Optional.empty();
    }

    private static Optional<RunbookSource.SuppliedBody> supplied(Runbook r) {
        return r.source() instanceof RunbookSource.SuppliedBody b ? Optional.of(b) : Optional.empty();
    }

    ManagedPageRow toRow(ManagedPage p) {
        return new ManagedPageRow(p.connection().value(), p.pageId().value(), p.space().value(), p.title().value(),
                p.parentId().map(PageId::value).orElse(null), p.role().name(), p.runbook().map(RunbookId::value).orElse(null),
                p.version().number(), p.contentHash().hex(), labelsJson(p.labels()), p.updatedAt());
    }

    ManagedPage toDomain(ManagedPageRow r) {
        return new ManagedPage(ConnectionId.of(r.connectionId()), PageId.of(r.pageId()), SpaceKey.of(r.spaceKey()),
                Title.of(r.title()), Optional.ofNullable(r.parentPageId()).map(PageId::of), ManagedPage.Role.valueOf(r.role()),
                Optional.ofNullable(r.runbookId()).map(RunbookId::of), Version.of(r.version()), new ContentHash(r.contentHash()),
                labels(r.labelsJson()), r.updatedAt());
    }

    ApiKeyRow toRow(ApiKeyRecord k) {
        return new ApiKeyRow(k.id(), k.workspace().value(), k.name(), k.prefix(), k.keyHash().hex(), k.scope().wireName(), k.createdAt(),
                k.revokedAt().orElse(null));
    }

    ApiKeyRecord toDomain(ApiKeyRow r) {
        return new ApiKeyRecord(r.id(), WorkspaceId.of(r.workspaceId()), r.name(), r.prefix(), new ContentHash(r.keyHash()),
                ai.askel.confluence.domain.ApiKeyScope.parse(r.scope()), r.createdAt(), Optional.ofNullable(r.revokedAt()));
    }

    IdempotencyRow toRow(IdempotencyRecord i) {
        return new IdempotencyRow(i.workspace().value(), i.key(), i.requestHash().hex(),
                i.response().map(IdempotencyRecord.StoredResponse::status).orElse(null),
                i.response().map(IdempotencyRecord.StoredResponse::body).orElse(null), i.createdAt(), i.expiresAt(), i.leaseExpiresAt());
    }

    IdempotencyRecord toDomain(IdempotencyRow r) {
        Optional<IdempotencyRecord.StoredResponse> response = Optional.ofNullable(r.responseStatus())
                .map(status -> new IdempotencyRecord.StoredResponse(status, r.responseBody()));
        return new IdempotencyRecord(WorkspaceId.of(r.workspaceId()), r.idempotencyKey(), new ContentHash(r.requestHash()),
                response, r.createdAt(), r.expiresAt(), r.leaseExpiresAt() == null ? Instant.EPOCH : r.leaseExpiresAt());
    }

    AuditEventRow toRow(AuditEvent e) {
        return new AuditEventRow(e.at(), e.workspace().value(), e.apiKeyPrefix().orElse(null), e.operation(),
                e.connection().map(ConnectionId::value).orElse(null), e.page().map(PageId::value).orElse(null), e.outcome(),
                e.traceId().orElse(null));
    }

    AuditEvent toDomain(AuditEventRow r) {
        return new AuditEvent(r.occurredAt(), WorkspaceId.of(r.workspaceId()), Optional.ofNullable(r.apiKeyPrefix()), r.operation(),
                Optional.ofNullable(r.connectionId()).map(ConnectionId::of), Optional.ofNullable(r.pageId()).map(PageId::of),
                r.outcome(), Optional.ofNullable(r.traceId()));
    }

    DriftFindingRow toRow(DriftFinding f) {
        return new DriftFindingRow(f.id().map(DriftFindingId::value).orElse(null), f.connection().value(), pageColumn(f.pageId()),
                f.kind().name(), f.detail(), f.firstSeen(), f.lastSeen(), f.resolvedAt().orElse(null), f.acknowledgedAt().orElse(null));
    }

    DriftFinding toDomain(DriftFindingRow r) {
        return new DriftFinding(Optional.of(new DriftFindingId(r.id())), ConnectionId.of(r.connectionId()),
                r.pageId().equals(DriftFindingRow.NO_PAGE) ? Optional.empty() : Optional.of(PageId.of(r.pageId())),
                DriftKind.valueOf(r.kind()), r.detail(), r.firstSeen(), r.lastSeen(), Optional.ofNullable(r.resolvedAt()),
                Optional.ofNullable(r.acknowledgedAt()));
    }

    DriftScanStatusRow toRow(DriftScanStatus s) {
        return new DriftScanStatusRow(s.connection().value(), s.startedAt(), s.took().toMillis(), s.outcome().name(),
                s.problem().orElse(null), s.openFindings());
    }

    DriftScanStatus toDomain(DriftScanStatusRow r) {
        return new DriftScanStatus(ConnectionId.of(r.connectionId()), r.startedAt(), Duration.ofMillis(r.tookMillis()),
                DriftScanStatus.Outcome.valueOf(r.outcome()), Optional.ofNullable(r.problem()), r.openFindings());
    }

    static String pageColumn(Optional<PageId> page) {
        return page.map(PageId::value).orElse(DriftFindingRow.NO_PAGE);
    }

    private String labelsJson(Collection<Label> labels) {
        return write(labels.stream().map(Label::name).sorted().toList());
    }

    private Set<Label> labels(String labelsJson) {
        return read(labelsJson, NAMES).stream().map(Label::of).collect(Collectors.toSet());
    }

    // ---- jobs ----

    /** How a job item's request is written in {@code job_item.request}; attachment bytes are base64. */
    record JobItemRequestColumn(String space, String parentTitle, String title, String templateId, Map<String, Object> inputs,
                                List<String> labels, List<InlineAttachmentColumn> attachments, String onDrift) {
    }

    record InlineAttachmentColumn(String fileName, String mediaType, String contentBase64, String comment) {
    }

    String toColumn(JobItemRequest r) {
        return write(new JobItemRequestColumn(r.space().value(), r.parentTitle().map(Title::value).orElse(null), r.title().value(),
                r.templateId(), r.inputs().values(), r.labels().map(l -> l.stream().map(Label::name).sorted().toList()).orElse(null),
                r.attachments().stream().map(a -> new InlineAttachmentColumn(a.fileName(), a.mediaType(),
                        Base64.getEncoder().encodeToString(a.content()), a.comment().orElse(null))).toList(),
                r.onDrift().name()));
    }

    JobItemRequest jobItemRequest(String column) {
        JobItemRequestColumn c = read(column, new TypeReference<JobItemRequestColumn>() { });
        return new JobItemRequest(SpaceKey.of(c.space()), Optional.ofNullable(c.parentTitle()).map(Title::of), Title.of(c.title()),
                c.templateId(), new TemplateInputs(c.inputs() == null ? Map.of() : c.inputs()),
                Optional.ofNullable(c.labels()).map(l -> l.stream().map(Label::of).collect(Collectors.toSet())),
                c.attachments() == null ? List.of() : c.attachments().stream().map(a -> new JobItemRequest.InlineAttachment(a.fileName(),
                        a.mediaType(), Base64.getDecoder().decode(a.contentBase64()), Optional.ofNullable(a.comment()))).toList(),
                DriftPolicy.valueOf(c.onDrift()));
    }

    JobRow toRow(Job j) {
        return new JobRow(j.id().value(), j.workspace().value(), j.connection().value(), j.kind().name(), j.total(),
                j.idempotencyKey().orElse(null), j.submittedAt(), j.cancelRequestedAt().orElse(null), j.finishedAt().orElse(null));
    }

    Job toDomain(JobRow r, JobCounts counts) {
        return new Job(JobId.of(r.id()), WorkspaceId.of(r.workspaceId()), ConnectionId.of(r.connectionId()), JobKind.valueOf(r.kind()),
                r.total(), Optional.ofNullable(r.idempotencyKey()), r.submittedAt(), Optional.ofNullable(r.cancelRequestedAt()),
                Optional.ofNullable(r.finishedAt()), counts);
    }

    JobItem toDomain(JobItemRow r) {
        return new JobItem(r.itemIndex(), Title.of(r.title()), JobItemState.valueOf(r.state()), r.attempts(),
                Optional.ofNullable(r.outcome()), Optional.ofNullable(r.runbookId()).map(RunbookId::of),
                Optional.ofNullable(r.pageId()).map(PageId::of),
                // codes were stored lower-cased before they matched the API's problem codes
                Optional.ofNullable(r.errorCode()).map(code -> new JobItem.ItemError(code.toUpperCase(java.util.Locale.ROOT),
                        r.errorDetail() == null ? "" : r.errorDetail())),
                Optional.ofNullable(r.finishedAt()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot write a value as JSON: " + e.getOriginalMessage(), null, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "a stored JSON column is damaged: " + e.getOriginalMessage(), null, e);
        }
    }
}
