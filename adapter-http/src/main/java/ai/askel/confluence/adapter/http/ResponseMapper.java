package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.ApiJson.AttachmentJson;
import ai.askel.confluence.adapter.http.ApiJson.BodyJson;
import ai.askel.confluence.adapter.http.ApiJson.ChildPageJson;
import ai.askel.confluence.adapter.http.ApiJson.ConnectionJson;
import ai.askel.confluence.adapter.http.ApiJson.DriftFindingJson;
import ai.askel.confluence.adapter.http.ApiJson.PageJson;
import ai.askel.confluence.adapter.http.ApiJson.PlanJson;
import ai.askel.confluence.adapter.http.ApiJson.PublishResultJson;
import ai.askel.confluence.adapter.http.ApiJson.RunbookJson;
import ai.askel.confluence.adapter.http.ApiJson.SearchResultJson;
import ai.askel.confluence.adapter.http.ApiJson.SliceJson;
import ai.askel.confluence.adapter.http.ApiJson.SpaceJson;
import ai.askel.confluence.adapter.http.ApiJson.TemplateInputJson;
import ai.askel.confluence.adapter.http.ApiJson.TemplateJson;
import ai.askel.confluence.adapter.http.ApiJson.UpdatedPageJson;
import ai.askel.confluence.adapter.http.ApiJson.VersionJson;
import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftScanStatus;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.in.UpdatedPage;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Turns domain objects and use-case results into response wire records. */
final class ResponseMapper {
    private ResponseMapper() {
    }


    static ConnectionJson connection(Connection c) {
        return new ConnectionJson(c.id().value(), c.name(), c.site().origin(), c.email().value(), c.accountId().orElse(null),
                c.status().name(), c.cloudId().map(Object::toString).orElse(null),
                c.tokenExpiresOn().map(LocalDate::toString).orElse(null), c.createdAt().toString(), c.updatedAt().toString());
    }

    static SpaceJson space(Space s) {
        return new SpaceJson(s.id().value(), s.key().value(), s.name(), s.type());
    }

    static UpdatedPageJson updatedPage(UpdatedPage u) {
        return new UpdatedPageJson(page(u.page()), u.changed());
    }

    static PageJson page(Page p) {
        return new PageJson(p.id().value(), p.space().value(), p.title().value(), p.parentId().map(PageId::value).orElse(null),
                p.version().number().number(), labelNames(p.labels()),
                new BodyJson(p.body().representation().wireName(), p.body().value()), p.webUrl().orElse(null));
    }

    static VersionJson version(PageVersion v) {
        return new VersionJson(v.number().number(), v.authorId().orElse(null), v.message().orElse(null),
                v.createdAt().map(Instant::toString).orElse(null));
    }

    static ChildPageJson child(PageSummary s) {
        return new ChildPageJson(s.id().value(), s.title().value(), s.version().number().number(), s.webUrl().orElse(null));
    }

    static SearchResultJson searchResult(PageSummary s) {
        return new SearchResultJson(s.id().value(), s.space().map(SpaceKey::value).orElse(null), s.title().value(),
                s.version().number().number(), s.version().createdAt().map(Instant::toString).orElse(null),
                s.webUrl().orElse(null));
    }

    static <T, R> SliceJson<R> slice(Slice<T> slice, Function<T, R> mapper) {
        return new SliceJson<>(slice.items().stream().map(mapper).toList(), slice.nextCursor().orElse(null));
    }

    static List<String> labelNames(Set<Label> labels) {
        return labels.stream().map(Label::name).sorted().toList();
    }

    static AttachmentJson attachment(Attachment a) {
        return new AttachmentJson(a.id().value(), a.fileName(), a.size(), a.mediaType(), a.version().number(),
                a.downloadUrl().orElse(null), a.comment().orElse(null));
    }

    static PublishResultJson publishResult(PublishResult r) {
        PlanJson plan = new PlanJson(r.plan().action().name(), r.plan().createParent(), labelNames(r.plan().labelsToAdd()),
                r.plan().attachmentsToUpload(), r.outcome() == PublishOutcome.PLANNED ? r.plan().renderedBody() : null);
        return new PublishResultJson(r.runbook().map(RunbookId::value).orElse(null), r.pageId().map(PageId::value).orElse(null),
                r.version().map(Version::number).orElse(null), r.outcome().name(), r.webUrl().orElse(null), plan,
                r.driftOverridden().stream().map(ResponseMapper::driftFinding).toList());
    }

    static DriftFindingJson driftFinding(DriftFinding f) {
        return new DriftFindingJson(f.id().map(DriftFindingId::toString).orElse(null), f.connection().value(),
                f.pageId().map(PageId::value).orElse(null), f.kind().name(), f.detail(), f.firstSeen().toString(), f.lastSeen().toString(),
                f.resolvedAt().map(Instant::toString).orElse(null), f.acknowledgedAt().map(Instant::toString).orElse(null));
    }

    static ApiJson.DriftScanJson driftScan(DriftScanStatus s) {
        return new ApiJson.DriftScanJson(s.connection().value(), s.startedAt().toString(), s.finishedAt().toString(), s.outcome().name(),
                s.problem().orElse(null), s.openFindings());
    }

    static RunbookJson runbook(Runbook r) {
        Optional<RunbookSource.Template> template = r.source() instanceof RunbookSource.Template t ? Optional.of(t) : Optional.empty();
        Optional<RunbookSource.SuppliedBody> body = r.source() instanceof RunbookSource.SuppliedBody b ? Optional.of(b) : Optional.empty();
        return new RunbookJson(r.id().value(), r.connection().value(), r.space().value(), r.parentTitle().value(),
                r.title().value(), template.isPresent() ? "template" : "body", template.map(t -> t.template().id()).orElse(null),
                template.map(t -> t.template().version()).orElse(null), template.map(t -> t.inputs().values()).orElse(null),
                body.map(b -> b.representation().wireName()).orElse(null), labelNames(r.labels()), r.status().name(), r.pageId().map(PageId::value).orElse(null),
                r.published().map(p -> p.version().number()).orElse(null),
                r.published().map(p -> p.publishedAt().toString()).orElse(null));
    }

    static TemplateJson template(TemplateDescriptor t) {
        List<TemplateInputJson> inputs = new ArrayList<>();
        for (TemplateInput in : t.inputs()) {
            inputs.add(new TemplateInputJson(in.name(), TemplateDescriptor.wireType(in.type()), in.required(),
                    in.description(), in.example().orElse(null), in.columns()));
        }
        return new TemplateJson(t.id(), t.version(), t.name(), t.description(), inputs, t.defaultLabels().stream().sorted().toList());
    }
}
