package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.Collection;
import ai.askel.confluence.domain.Job;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain results as plain maps for JSON output (never a secret: a connection's token is not part of its view). */
final class Views {
    private Views() {
    }

    static Map<String, Object> connection(Connection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().value());
        m.put("name", c.name());
        m.put("siteUrl", c.site().origin());
        m.put("email", c.email().value());
        m.put("accountId", c.accountId().orElse(null));
        m.put("status", c.status().name());
        c.cloudId().ifPresent(id -> m.put("cloudId", id.value()));
        c.tokenExpiresOn().ifPresent(d -> m.put("tokenExpiresOn", d.toString()));
        return m;
    }

    static Map<String, Object> space(Space s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().value());
        m.put("key", s.key().value());
        m.put("name", s.name());
        m.put("type", s.type());
        return m;
    }

    static Map<String, Object> page(Page p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("spaceKey", p.space().value());
        m.put("title", p.title().value());
        m.put("parentId", p.parentId().map(Object::toString).orElse(null));
        m.put("version", p.version().number().number());
        m.put("labels", labels(p.labels()));
        m.put("body", Map.of("representation", p.body().representation().wireName(), "value", p.body().value()));
        m.put("webUrl", p.webUrl().orElse(null));
        return m;
    }

    static Map<String, Object> summary(PageSummary p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().value());
        m.put("spaceKey", p.space().map(Object::toString).orElse(null));
        m.put("title", p.title().value());
        m.put("version", p.version().number().number());
        m.put("lastModified", p.version().createdAt().map(Object::toString).orElse(null));
        m.put("webUrl", p.webUrl().orElse(null));
        return m;
    }

    static Map<String, Object> version(PageVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", v.number().number());
        m.put("authorId", v.authorId().orElse(null));
        m.put("message", v.message().orElse(null));
        m.put("createdAt", v.createdAt().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().value());
        m.put("title", a.fileName());
        m.put("fileSize", a.size());
        m.put("mediaType", a.mediaType());
        m.put("version", a.version().number());
        m.put("downloadUrl", a.downloadUrl().orElse(null));
        return m;
    }

    static Map<String, Object> publish(PublishResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.runbook().map(Object::toString).orElse(null));
        m.put("pageId", r.pageId().map(Object::toString).orElse(null));
        m.put("version", r.version().map(v -> (Object) v.number()).orElse(null));
        m.put("outcome", r.outcome().name());
        m.put("webUrl", r.webUrl().orElse(null));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("action", r.plan().action().name());
        plan.put("createParent", r.plan().createParent());
        plan.put("labelsToAdd", labels(r.plan().labelsToAdd()));
        plan.put("attachmentsToUpload", r.plan().attachmentsToUpload());
        m.put("plan", plan);
        return m;
    }

    static Map<String, Object> runbook(Runbook r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().value());
        m.put("title", r.title().value());
        m.put("spaceKey", r.space().value());
        m.put("parentTitle", r.parentTitle().value());
        if (r.source() instanceof RunbookSource.Template t) {
            m.put("source", "template");
            m.put("template", t.template().id());
            m.put("templateVersion", t.template().version());
        } else if (r.source() instanceof RunbookSource.SuppliedBody b) {
            m.put("source", "body");
            m.put("bodyRepresentation", b.representation().wireName());
        }
        m.put("status", r.status().name());
        m.put("pageId", r.pageId().map(Object::toString).orElse(null));
        m.put("version", r.published().map(p -> (Object) p.version().number()).orElse(null));
        m.put("labels", labels(r.labels()));
        return m;
    }

    static Map<String, Object> finding(DriftFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().map(Object::toString).orElse(null));
        m.put("connectionId", f.connection().value());
        m.put("pageId", f.pageId().map(Object::toString).orElse(null));
        m.put("kind", f.kind().name());
        m.put("detail", f.detail());
        m.put("firstSeen", f.firstSeen().toString());
        m.put("lastSeen", f.lastSeen().toString());
        m.put("resolvedAt", f.resolvedAt().map(Object::toString).orElse(null));
        m.put("acknowledgedAt", f.acknowledgedAt().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> workspace(ai.askel.confluence.domain.Workspace w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id().value());
        m.put("name", w.name());
        m.put("createdAt", w.createdAt().toString());
        return m;
    }

    static Map<String, Object> apiKey(ApiKeyRecord k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("workspaceId", k.workspace().value());
        m.put("prefix", k.prefix());
        m.put("scope", k.scope().wireName());
        m.put("createdAt", k.createdAt().toString());
        m.put("revokedAt", k.revokedAt().map(Object::toString).orElse(null));
        return m;
    }

    /** A template as {@code GET /api/v1/templates} shows it: the same fields, the same type spellings. */
    static Map<String, Object> template(TemplateDescriptor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("version", t.version());
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("inputs", t.inputs().stream().map(i -> {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("name", i.name());
            in.put("type", TemplateDescriptor.wireType(i.type()));
            in.put("required", i.required());
            in.put("description", i.description());
            in.put("example", i.example().orElse(null));
            in.put("columns", i.columns());
            return in;
        }).toList());
        m.put("defaultLabels", t.defaultLabels().stream().sorted().toList());
        return m;
    }

    static List<String> labels(Collection<Label> labels) {
        return labels.stream().map(Label::name).sorted().toList();
    }

    static Map<String, Object> page(List<Map<String, Object>> results, Optional<String> nextCursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", results);
        m.put("nextCursor", nextCursor.orElse(null));
        return m;
    }

    /** What {@link #job} prints, for the {@code --json} line of the job commands' help. */
    static final String JOB_JSON = "{id, kind, connectionId, state, total, counts: {pending, running, succeeded, failed, cancelled}, submittedAt, ...}";

    static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id().value());
        m.put("kind", j.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("connectionId", j.connection().value());
        m.put("state", j.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("total", j.total());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pending", j.counts().pending());
        counts.put("running", j.counts().running());
        counts.put("succeeded", j.counts().succeeded());
        counts.put("failed", j.counts().failed());
        counts.put("cancelled", j.counts().cancelled());
        m.put("counts", counts);
        m.put("submittedAt", j.submittedAt().toString());
        j.cancelRequestedAt().ifPresent(t -> m.put("cancelRequestedAt", t.toString()));
        j.finishedAt().ifPresent(t -> m.put("finishedAt", t.toString()));
        return m;
    }

    static Map<String, Object> jobView(ai.askel.confluence.ports.in.JobView view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job(view.job()));
        m.put("items", view.items().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", i.index());
            item.put("title", i.title().value());
            item.put("state", i.state().name().toLowerCase(java.util.Locale.ROOT));
            item.put("attempts", i.attempts());
            i.outcome().ifPresent(o -> item.put("outcome", o.toLowerCase(java.util.Locale.ROOT)));
            i.runbook().ifPresent(r -> item.put("runbookId", r.value()));
            i.pageId().ifPresent(p -> item.put("pageId", p.value()));
            i.error().ifPresent(e -> item.put("error", Map.of("code", e.code(), "detail", e.detail())));
            return item;
        }).toList());
        view.nextIndex().ifPresent(n -> m.put("nextFrom", n));
        return m;
    }
}
