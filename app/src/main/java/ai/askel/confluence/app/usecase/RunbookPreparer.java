package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.AttachmentDigest;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.TemplateFailedException;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.out.MarkdownPort;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a publish can check before its first Confluence call: the template and its inputs (every
 * problem listed) or the supplied body, the rendered storage format, the labels, and the attachments'
 * sizes and hashes (streamed). Bad input writes nothing anywhere.
 */
final class RunbookPreparer {
    private static final Logger LOG = LoggerFactory.getLogger(RunbookPreparer.class);
    private final TemplateCatalogPort templates;
    private final MarkdownPort markdown;
    private final TemplateInputValidator validator;
    private final AttachmentGuard guard;

    @Inject
    public RunbookPreparer(TemplateCatalogPort templates, TemplateInputValidator validator, AttachmentGuard guard, MarkdownPort markdown) {
        this.markdown = markdown;
        this.templates = templates;
        this.validator = validator;
        this.guard = guard;
    }

    /** The request checked and rendered; {@code stored} is the runbook as last saved (its page's files show in the render). */
    PublishRequest prepare(PublishRunbookCommand command, Optional<Runbook> stored, Optional<String> writer) {
        Map<String, AttachmentUpload> uploads = new LinkedHashMap<>();
        for (AttachmentUpload upload : command.attachments()) {
            if (uploads.put(upload.fileName(), upload) != null) {
                throw InvalidInputException.of("attachments", "'%s' is given more than once".formatted(upload.fileName()));
            }
            guard.checkDeclaredSize(upload);
        }
        List<String> sent = List.copyOf(uploads.keySet());
        List<String> onThePage = stored.map(r -> r.attachmentNamesWith(sent)).orElse(sent);
        Set<Label> labels = new TreeSet<>(command.effectiveLabels());
        Rendered rendered = command.source() instanceof PublishSource.FromTemplate t
                ? render(command, t, onThePage, labels)
                : supplied(command, (PublishSource.Supplied) command.source(), markdown);
        List<AttachmentDigest> digests = uploads.values().stream().map(upload -> {
            AttachmentGuard.Digest digest = guard.digest(upload);
            return new AttachmentDigest(upload.fileName(), digest.hash(), digest.size());
        }).toList();
        return new PublishRequest(command, new RunbookContent(command.title(), rendered.body(), rendered.source(), labels, digests), uploads,
                writer);
    }

    private record Rendered(PageBody body, RunbookSource source) {
    }

    /**
     * A body the caller compiled: published as it is (a storage body was checked when it was made), a Markdown body
     * converted to storage format first. The runbook remembers the representation and the hash the caller sent.
     */
    private static Rendered supplied(PublishRunbookCommand command, PublishSource.Supplied source, MarkdownPort markdown) {
        PageBody sent = source.body();
        return new Rendered(PageBodies.forConfluence(sent, markdown),
                new RunbookSource.SuppliedBody(sent.representation(), RunbookSource.SuppliedBody.hashOf(command.title(), sent)));
    }

    /**
     * Renders the template; its default labels join the request's ({@code labels} is added to), and together they
     * are bounded as the request's alone are.
     */
    private Rendered render(PublishRunbookCommand command, PublishSource.FromTemplate source, List<String> attachmentNames,
                            Set<Label> labels) {
        ContentTemplateProvider template = templates.find(source.templateId()).orElseThrow(() -> InvalidInputException.of("template",
                "unknown template '%s'; the loaded templates are %s".formatted(source.templateId(), knownTemplateIds())));
        validator.validate(template.id(), template.inputs(), source.inputs());
        int given = labels.size();
        template.defaultLabels().forEach(name -> labels.add(Label.of(name)));
        if (labels.size() > Label.MAX_PER_REQUEST) {
            throw InvalidInputException.of("labels", "at most %d labels, got %d: %d given and %d more from the default labels of template '%s'"
                    .formatted(Label.MAX_PER_REQUEST, labels.size(), given, labels.size() - given, template.id()));
        }
        TemplateRef ref = new TemplateRef(template.id(), template.version());
        String rendered;
        try {
            rendered = template.render(source.inputs(), new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION, command.title(),
                    command.space(), attachmentNames));
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            // the catalog hosts its templates (which report their own failures); a template that is not hosted is told
            // about the same way: its message stays in the log, under the reference the caller is given
            TemplateFailedException failure = new TemplateFailedException(ref.toString(), "failed to render",
                    "template %s failed to render: %s".formatted(ref, e), e);
            LOG.warn("Template {} failed to render (reference {})", ref, failure.reference(), e);
            throw failure;
        }
        if (rendered == null) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s rendered nothing".formatted(ref));
        }
        try {
            return new Rendered(PageBody.storage(rendered), new RunbookSource.Template(ref, source.inputs()));
        } catch (InvalidInputException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR,
                    "template %s rendered a body Confluence would reject: %s".formatted(ref, e.getMessage()), null, e);
        }
    }

    private String knownTemplateIds() {
        List<String> ids = templates.all().stream().map(ContentTemplateProvider::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
