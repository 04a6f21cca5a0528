package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.AttachmentJson;
import ai.askel.confluence.adapter.http.ApiJson.BatchItemJson;
import ai.askel.confluence.adapter.http.ApiJson.InlineAttachmentJson;
import ai.askel.confluence.ports.out.JobItemRequest;
import ai.askel.confluence.adapter.http.ApiJson.BodyJson;
import ai.askel.confluence.adapter.http.ApiJson.ChildPageJson;
import ai.askel.confluence.adapter.http.ApiJson.ConnectionJson;
import ai.askel.confluence.adapter.http.ApiJson.CreatePageJson;
import ai.askel.confluence.adapter.http.ApiJson.DriftFindingJson;
import ai.askel.confluence.adapter.http.ApiJson.PageJson;
import ai.askel.confluence.adapter.http.ApiJson.PlanJson;
import ai.askel.confluence.adapter.http.ApiJson.PublishResultJson;
import ai.askel.confluence.adapter.http.ApiJson.PublishRunbookJson;
import ai.askel.confluence.adapter.http.ApiJson.RegisterConnectionJson;
import ai.askel.confluence.adapter.http.ApiJson.RotateCredentialsJson;
import ai.askel.confluence.adapter.http.ApiJson.RunbookJson;
import ai.askel.confluence.adapter.http.ApiJson.SearchResultJson;
import ai.askel.confluence.adapter.http.ApiJson.SliceJson;
import ai.askel.confluence.adapter.http.ApiJson.SpaceJson;
import ai.askel.confluence.adapter.http.ApiJson.TemplateInputJson;
import ai.askel.confluence.adapter.http.ApiJson.TemplateJson;
import ai.askel.confluence.adapter.http.ApiJson.UpdatePageJson;
import ai.askel.confluence.adapter.http.ApiJson.VersionJson;
import ai.askel.confluence.adapter.http.ApiJson.UpdatedPageJson;
import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.util.Base64;
import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.ports.in.UpdatedPage;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.spi.TemplateInput;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The one place that turns wire records into commands and domain objects into wire records. */
final class HttpMapper {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 250;

    @Inject
    HttpMapper() {
    }

    // ---- requests ----

    RegisterConnectionCommand registerCommand(WorkspaceId workspace, RegisterConnectionJson json) {
        Problems problems = new Problems();
        String name = problems.required("name", json.name());
        String siteUrl = problems.required("siteUrl", json.siteUrl());
        String email = problems.required("email", json.email());
        Secret token = problems.check("apiToken", () -> Secret.of(json.apiToken(), "apiToken"));
        Optional<String> cloudId = Optional.ofNullable(json.cloudId()).filter(s -> !s.isBlank());
        Optional<LocalDate> expires = problems.optional("tokenExpiresOn", json.tokenExpiresOn(), HttpMapper::date);
        problems.throwIfAny();
        return new RegisterConnectionCommand(workspace, name, siteUrl, email, token, cloudId, expires);
    }

    RotateCredentialsCommand rotateCommand(ConnectionRef ref, RotateCredentialsJson json) {
        Problems problems = new Problems();
        Secret token = problems.check("apiToken", () -> Secret.of(json.apiToken(), "apiToken"));
        Optional<LocalDate> expires = problems.optional("tokenExpiresOn", json.tokenExpiresOn(), HttpMapper::date);
        problems.throwIfAny();
        return new RotateCredentialsCommand(ref, Optional.ofNullable(json.email()).filter(s -> !s.isBlank()), token, expires);
    }

    CreatePageCommand createPageCommand(ConnectionRef ref, CreatePageJson json) {
        Problems problems = new Problems();
        SpaceKey space = problems.check("spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Title title = problems.check("title", () -> Title.of(json.title()));
        Optional<PageId> parent = problems.optional("parentId", json.parentId(), PageId::of);
        PageBody body = body(problems, json.body());
        Set<Label> labels = labels(problems, json.labels());
        problems.throwIfAny();
        return new CreatePageCommand(ref, space, title, parent, body, labels);
    }

    UpdatePageCommand updatePageCommand(ConnectionRef ref, PageId page, UpdatePageJson json) {
        Problems problems = new Problems();
        Optional<Title> title = problems.optional("title", json.title(), Title::of);
        PageBody body = body(problems, json.body());
        Optional<Version> base = Optional.ofNullable(json.baseVersion())
                .map(n -> problems.check("baseVersion", () -> Version.of(n)));
        problems.throwIfAny();
        return new UpdatePageCommand(ref, page, title, body, base, Optional.ofNullable(json.message()), Boolean.TRUE.equals(json.force()));
    }

    Set<Label> labelsToAdd(List<String> labels) {
        Problems problems = new Problems();
        problems.required("labels", labels);
        Set<Label> result = labels(problems, labels);
        if (labels != null && labels.isEmpty()) {
            problems.add("labels", "must name at least one label");
        }
        problems.throwIfAny();
        return result;
    }

    /** The publish command, with the files of a multipart request (none for a JSON one). */
    PublishRunbookCommand publishCommand(ConnectionRef ref, PublishRunbookJson json, List<AttachmentUpload> files) {
        Problems problems = new Problems();
        PublishSource source = publishSource(problems, json);
        SpaceKey space = problems.check("spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Optional<Title> parentTitle = problems.optional("parentTitle", json.parentTitle(), Title::of);
        Title title = problems.check("title", () -> Title.of(json.title()));
        Optional<Set<Label>> labels = json.labels() == null ? Optional.empty() : Optional.of(labels(problems, json.labels()));
        DriftPolicy onDrift = problems.check("onDrift", () -> DriftPolicy.parse(json.onDrift()));
        problems.throwIfAny();
        return new PublishRunbookCommand(ref, space, parentTitle, title, source, labels, files, onDrift, Boolean.TRUE.equals(json.dryRun()));
    }

    /** A template and its inputs, or a body: exactly one of the two. */
    private static PublishSource publishSource(Problems problems, PublishRunbookJson json) {
        if (json.body() != null) {
            if (json.template() != null) {
                problems.add("template", "cannot be combined with body: publish from a template or a body you compiled");
            }
            if (json.inputs() != null) {
                problems.add("inputs", "are for a template; a publish with a body has none");
            }
            PageBody body = body(problems, json.body());
            return body == null ? null : new PublishSource.Supplied(body);
        }
        if (json.template() == null) {
            problems.add("template", "is required (or give a body instead)");
            return null;
        }
        TemplateInputs inputs = json.inputs() == null ? TemplateInputs.empty() : problems.check(() -> new TemplateInputs(json.inputs()));
        return inputs == null ? null : new PublishSource.FromTemplate(json.template(), inputs);
    }

    /** One batch item as a stored request; problems are named {@code items[index].field}. */
    JobItemRequest batchItem(int index, BatchItemJson json) {
        String at = "items[" + index + "].";
        Problems problems = new Problems();
        String template = problems.required(at + "template", json.template());
        SpaceKey space = problems.check(at + "spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Optional<Title> parentTitle = problems.optional(at + "parentTitle", json.parentTitle(), Title::of);
        Title title = problems.check(at + "title", () -> Title.of(json.title()));
        TemplateInputs inputs = json.inputs() == null ? TemplateInputs.empty()
                : problems.check(at + "inputs", () -> new TemplateInputs(json.inputs()));
        Optional<Set<Label>> labels = json.labels() == null ? Optional.empty() : Optional.of(labels(problems, json.labels()));
        DriftPolicy onDrift = problems.check(at + "onDrift", () -> DriftPolicy.parse(json.onDrift()));
        List<JobItemRequest.InlineAttachment> attachments = new ArrayList<>();
        List<InlineAttachmentJson> given = json.attachments() == null ? List.of() : json.attachments();
        for (int i = 0; i < given.size(); i++) {
            InlineAttachmentJson a = given.get(i);
            String field = at + "attachments[" + i + "]";
            byte[] content = problems.check(field + ".contentBase64", () -> decode(a.contentBase64()));
            JobItemRequest.InlineAttachment attachment = problems.check(field, () -> {
                new AttachmentUpload(a.fileName(), a.mediaType(), 0, () -> null, Optional.empty(), true); // checks name and type
                return new JobItemRequest.InlineAttachment(a.fileName(), a.mediaType(), content == null ? new byte[0] : content,
                        Optional.ofNullable(a.comment()));
            });
            attachments.add(attachment);
        }
        problems.throwIfAny();
        return problems.check(at + "attachments", () -> new JobItemRequest(space, parentTitle, title, template, inputs, labels,
                attachments, onDrift));
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            throw InvalidInputException.of("contentBase64", "is required");
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("contentBase64", "is not base64");
        }
    }

    /** A CQL query from the search parameters: either {@code cql} alone, or typed filters combined with AND. */
    CqlQuery searchQuery(Map<String, String> params) {
        Problems problems = new Problems();
        String cql = params.get("cql");
        if (cql != null) {
            params.keySet().stream().filter(k -> !k.equals("cql")).sorted()
                    .forEach(k -> problems.add(k, "cannot be combined with cql; put the condition into the cql query"));
            CqlQuery raw = problems.check("cql", () -> CqlQuery.raw(cql));
            problems.throwIfAny();
            return raw;
        }
        CqlQuery.Builder builder = CqlQuery.builder().type("page");
        Optional.ofNullable(params.get("spaceKey")).ifPresent(v -> problems.check("spaceKey", () -> builder.space(SpaceKey.of(v))));
        Optional.ofNullable(params.get("title")).ifPresent(v -> problems.check("title", () -> builder.titleEquals(Title.of(v).value())));
        Optional.ofNullable(params.get("titleContains")).ifPresent(v -> problems.check("titleContains", () -> builder.titleContains(v)));
        Optional.ofNullable(params.get("label")).ifPresent(v -> problems.check("label", () -> builder.label(Label.of(v))));
        Optional.ofNullable(params.get("modifiedSince")).ifPresent(v -> problems.check("modifiedSince", () -> modifiedSince(builder, v)));
        problems.throwIfAny();
        return builder.build();
    }

    static int limit(Optional<String> raw) {
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.get().strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of("limit", "'%s' is not a number from 1 to %d".formatted(shorten(raw.get()), MAX_LIMIT));
    }

    private static CqlQuery.Builder modifiedSince(CqlQuery.Builder builder, String value) {
        String v = value.strip();
        try {
            return builder.lastModifiedSince(LocalDate.parse(v));
        } catch (DateTimeParseException notADate) {
            try {
                return builder.lastModifiedSince(LocalDateTime.parse(v));
            } catch (DateTimeParseException notALocalDateTime) {
                try {
                    return builder.lastModifiedSince(OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("modifiedSince",
                            "'%s' is not a date (2026-01-31) or date-time (2026-01-31T09:30Z)".formatted(shorten(v)));
                }
            }
        }
    }

    private static PageBody body(Problems problems, BodyJson json) {
        if (json == null) {
            problems.add("body", "is required");
            return null;
        }
        BodyRepresentation representation = json.representation() == null ? BodyRepresentation.STORAGE
                : problems.check("body.representation", () -> BodyRepresentation.fromWireName(json.representation()));
        if (representation == null) {
            return null;
        }
        return problems.check(() -> new PageBody(representation, json.value()));
    }

    private static Set<Label> labels(Problems problems, List<String> names) {
        Set<Label> labels = new LinkedHashSet<>();
        if (names == null) {
            return labels;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Label label = problems.check("labels[" + i + "]", () -> Label.of(name));
            if (label != null) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("date", "'%s' is not a date such as 2026-12-31".formatted(shorten(value)));
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    // ---- responses ----

    ConnectionJson connection(Connection c) {
        return new ConnectionJson(c.id().value(), c.name(), c.site().origin(), c.email().value(), c.accountId().orElse(null),
                c.status().name(), c.cloudId().map(Object::toString).orElse(null),
                c.tokenExpiresOn().map(LocalDate::toString).orElse(null), c.createdAt().toString(), c.updatedAt().toString());
    }

    SpaceJson space(Space s) {
        return new SpaceJson(s.id().value(), s.key().value(), s.name(), s.type());
    }

    UpdatedPageJson updatedPage(UpdatedPage u) {
        return new UpdatedPageJson(page(u.page()), u.changed());
    }

    PageJson page(Page p) {
        return new PageJson(p.id().value(), p.space().value(), p.title().value(), p.parentId().map(PageId::value).orElse(null),
                p.version().number().number(), labelNames(p.labels()),
                new BodyJson(p.body().representation().wireName(), p.body().value()), p.webUrl().orElse(null));
    }

    VersionJson version(PageVersion v) {
        return new VersionJson(v.number().number(), v.authorId().orElse(null), v.message().orElse(null),
                v.createdAt().map(Instant::toString).orElse(null));
    }

    ChildPageJson child(PageSummary s) {
        return new ChildPageJson(s.id().value(), s.title().value(), s.version().number().number(), s.webUrl().orElse(null));
    }

    SearchResultJson searchResult(PageSummary s) {
        return new SearchResultJson(s.id().value(), s.space().map(SpaceKey::value).orElse(null), s.title().value(),
                s.version().number().number(), s.version().createdAt().map(Instant::toString).orElse(null),
                s.webUrl().orElse(null));
    }

    <T, R> SliceJson<R> slice(Slice<T> slice, Function<T, R> mapper) {
        return new SliceJson<>(slice.items().stream().map(mapper).toList(), slice.nextCursor().orElse(null));
    }

    List<String> labelNames(Set<Label> labels) {
        return labels.stream().map(Label::name).sorted().toList();
    }

    AttachmentJson attachment(Attachment a) {
        return new AttachmentJson(a.id().value(), a.fileName(), a.size(), a.mediaType(), a.version().number(),
                a.downloadUrl().orElse(null), a.comment().orElse(null));
    }

    PublishResultJson publishResult(PublishResult r) {
        PlanJson plan = new PlanJson(r.plan().action().name(), r.plan().createParent(), labelNames(r.plan().labelsToAdd()),
                r.plan().attachmentsToUpload());
        return new PublishResultJson(r.runbook().map(RunbookId::value).orElse(null), r.pageId().map(PageId::value).orElse(null),
                r.version().map(Version::number).orElse(null), r.outcome().name(), r.webUrl().orElse(null), plan,
                r.driftOverridden().stream().map(this::driftFinding).toList());
    }

    DriftFindingJson driftFinding(DriftFinding f) {
        return new DriftFindingJson(f.id().map(DriftFindingId::toString).orElse(null), f.connection().value(),
                f.pageId().map(PageId::value).orElse(null), f.kind().name(), f.detail(), f.firstSeen().toString(), f.lastSeen().toString(),
                f.resolvedAt().map(Instant::toString).orElse(null), f.acknowledgedAt().map(Instant::toString).orElse(null));
    }

    ApiJson.DriftScanJson driftScan(DriftScanStatus s) {
        return new ApiJson.DriftScanJson(s.connection().value(), s.startedAt().toString(), s.finishedAt().toString(), s.outcome().name(),
                s.problem().orElse(null), s.openFindings());
    }

    RunbookJson runbook(Runbook r) {
        Optional<RunbookSource.Template> template = r.source() instanceof RunbookSource.Template t ? Optional.of(t) : Optional.empty();
        Optional<RunbookSource.SuppliedBody> body = r.source() instanceof RunbookSource.SuppliedBody b ? Optional.of(b) : Optional.empty();
        return new RunbookJson(r.id().value(), r.connection().value(), r.space().value(), r.parentTitle().value(),
                r.title().value(), template.isPresent() ? "template" : "body", template.map(t -> t.template().id()).orElse(null),
                template.map(t -> t.template().version()).orElse(null), template.map(t -> t.inputs().values()).orElse(null),
                body.map(b -> b.representation().wireName()).orElse(null), labelNames(r.labels()), r.status().name(), r.pageId().map(PageId::value).orElse(null),
                r.published().map(p -> p.version().number()).orElse(null),
                r.published().map(p -> p.publishedAt().toString()).orElse(null));
    }

    TemplateJson template(TemplateDescriptor t) {
        List<TemplateInputJson> inputs = new ArrayList<>();
        for (TemplateInput in : t.inputs()) {
            inputs.add(new TemplateInputJson(in.name(), in.type().name().toLowerCase(Locale.ROOT), in.required(),
                    in.description(), in.example().orElse(null), in.columns()));
        }
        return new TemplateJson(t.id(), t.version(), t.name(), t.description(), inputs, t.defaultLabels().stream().sorted().toList());
    }
}
