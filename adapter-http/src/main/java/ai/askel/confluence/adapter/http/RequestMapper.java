package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.BatchItemJson;
import ai.askel.confluence.adapter.http.ApiJson.BodyJson;
import ai.askel.confluence.adapter.http.ApiJson.CreatePageJson;
import ai.askel.confluence.adapter.http.ApiJson.InlineAttachmentJson;
import ai.askel.confluence.adapter.http.ApiJson.PublishRunbookJson;
import ai.askel.confluence.adapter.http.ApiJson.RegisterConnectionJson;
import ai.askel.confluence.adapter.http.ApiJson.RotateCredentialsJson;
import ai.askel.confluence.adapter.http.ApiJson.UpdatePageJson;
import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.in.RotateCredentialsCommand;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.JobItemRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns request wire records and query parameters into commands. Every invalid field is collected
 * ({@link Problems}) and reported at once, named as the request names it.
 */
final class RequestMapper {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 250;

    private RequestMapper() {
    }


    static RegisterConnectionCommand registerCommand(WorkspaceId workspace, RegisterConnectionJson json) {
        Problems problems = new Problems();
        String name = problems.required("name", json.name());
        String siteUrl = problems.required("siteUrl", json.siteUrl());
        String email = problems.required("email", json.email());
        Secret token = problems.check("apiToken", () -> Secret.of(json.apiToken(), "apiToken"));
        Optional<String> cloudId = Optional.ofNullable(json.cloudId()).filter(s -> !s.isBlank());
        Optional<LocalDate> expires = problems.optional("tokenExpiresOn", json.tokenExpiresOn(), RequestMapper::date);
        problems.throwIfAny();
        return new RegisterConnectionCommand(workspace, name, siteUrl, email, token, cloudId, expires);
    }

    static RotateCredentialsCommand rotateCommand(ConnectionRef ref, RotateCredentialsJson json) {
        Problems problems = new Problems();
        Secret token = problems.check("apiToken", () -> Secret.of(json.apiToken(), "apiToken"));
        Optional<LocalDate> expires = problems.optional("tokenExpiresOn", json.tokenExpiresOn(), RequestMapper::date);
        problems.throwIfAny();
        return new RotateCredentialsCommand(ref, Optional.ofNullable(json.email()).filter(s -> !s.isBlank()), token, expires);
    }

    static CreatePageCommand createPageCommand(ConnectionRef ref, CreatePageJson json) {
        Problems problems = new Problems();
        SpaceKey space = problems.check("spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Title title = problems.check("title", () -> Title.of(json.title()));
        Optional<PageId> parent = problems.optional("parentId", json.parentId(), PageId::of);
        PageBody body = body(problems, json.body());
        Set<Label> labels = labels(problems, "labels", json.labels());
        problems.throwIfAny();
        return new CreatePageCommand(ref, space, title, parent, body, labels);
    }

    static UpdatePageCommand updatePageCommand(ConnectionRef ref, PageId page, UpdatePageJson json) {
        Problems problems = new Problems();
        Optional<Title> title = problems.optional("title", json.title(), Title::of);
        PageBody body = body(problems, json.body());
        Optional<Version> base = Optional.ofNullable(json.baseVersion())
                .map(n -> problems.check("baseVersion", () -> Version.of(n)));
        problems.throwIfAny();
        return new UpdatePageCommand(ref, page, title, body, base, Optional.ofNullable(json.message()), Boolean.TRUE.equals(json.force()));
    }

    static Set<Label> labelsToAdd(List<String> labels) {
        Problems problems = new Problems();
        problems.required("labels", labels);
        Set<Label> result = labels(problems, "labels", labels);
        if (labels != null && labels.isEmpty()) {
            problems.add("labels", "must name at least one label");
        }
        problems.throwIfAny();
        return result;
    }

    /** The publish command, with the files of a multipart request (none for a JSON one). */
    static PublishRunbookCommand publishCommand(ConnectionRef ref, PublishRunbookJson json, List<AttachmentUpload> files) {
        Problems problems = new Problems();
        PublishSource source = publishSource(problems, json);
        SpaceKey space = problems.check("spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Optional<Title> parentTitle = problems.optional("parentTitle", json.parentTitle(), Title::of);
        Title title = problems.check("title", () -> Title.of(json.title()));
        Optional<Set<Label>> labels = json.labels() == null ? Optional.empty() : Optional.of(labels(problems, "labels", json.labels()));
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
    static JobItemRequest batchItem(int index, BatchItemJson json) {
        String at = "items[" + index + "].";
        Problems problems = new Problems();
        String template = problems.required(at + "template", json.template());
        SpaceKey space = problems.check(at + "spaceKey", () -> SpaceKey.of(json.spaceKey()));
        Optional<Title> parentTitle = problems.optional(at + "parentTitle", json.parentTitle(), Title::of);
        Title title = problems.check(at + "title", () -> Title.of(json.title()));
        TemplateInputs inputs = json.inputs() == null ? TemplateInputs.empty()
                : problems.check(at + "inputs", () -> new TemplateInputs(json.inputs()));
        Optional<Set<Label>> labels = json.labels() == null ? Optional.empty() : Optional.of(labels(problems, at + "labels", json.labels()));
        DriftPolicy onDrift = problems.check(at + "onDrift", () -> DriftPolicy.parse(json.onDrift()));
        List<JobItemRequest.InlineAttachment> attachments = new ArrayList<>();
        List<InlineAttachmentJson> sent = json.attachments() == null ? List.of() : json.attachments();
        // counted before any is decoded
        problems.check(at + "attachments", () -> {
            RunbookContent.checkAttachmentCount(sent.size());
            return null;
        });
        List<InlineAttachmentJson> given = sent.size() > RunbookContent.MAX_ATTACHMENTS ? List.of() : sent;
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
    static CqlQuery searchQuery(Map<String, String> params) {
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

    /** The labels of {@code names}, each problem named {@code field} (too many) or {@code field[index]} (a bad label). */
    private static Set<Label> labels(Problems problems, String field, List<String> names) {
        Set<Label> labels = new LinkedHashSet<>();
        if (names == null) {
            return labels;
        }
        if (names.size() > Label.MAX_PER_REQUEST) {
            // counted before each is checked: a request with a million labels gets one problem, not a million
            problems.check(field, () -> {
                Label.checkCount(names.size());
                return null;
            });
            return labels;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Label label = problems.check(field + "[" + i + "]", () -> Label.of(name));
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
}
