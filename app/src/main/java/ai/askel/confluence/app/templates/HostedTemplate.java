package ai.askel.confluence.app.templates;

import ai.askel.confluence.app.usecase.TemplateInputValidator;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplate;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded template as the host hands it out: its descriptor read once at load time, the caller's
 * inputs validated against the declared ones before {@link #render} reaches the template, and the
 * body checked to be storage format Confluence will accept. A template's failure surfaces as a
 * {@link ErrorCode#TEMPLATE_ERROR} naming the template and where it came from.
 */
final class HostedTemplate implements ContentTemplateProvider {
    /** The same rules the publish use case applies before it calls Confluence. */
    private static final TemplateInputValidator VALIDATOR = new TemplateInputValidator();

    private final ContentTemplateProvider template;
    private final String source;
    private final String id;
    private final String version;
    private final String displayName;
    private final String description;
    private final List<TemplateInput> inputs;
    private final Set<String> defaultLabels;
    private final Optional<String> titlePattern;

    HostedTemplate(ContentTemplateProvider template, String source) {
        this.template = template;
        this.source = source;
        this.id = template.id();
        this.version = template.version();
        this.displayName = orEmpty(template.displayName(), id);
        this.description = orEmpty(template.description(), "");
        this.inputs = List.copyOf(template.inputs());
        this.defaultLabels = Set.copyOf(template.defaultLabels());
        this.titlePattern = template.titlePattern();
    }

    /** Where the template was loaded from (a jar path, or the built-in templates). */
    String source() {
        return source;
    }

    String implementation() {
        return template.getClass().getName();
    }

    /** Whether the other is the same declarative template, unchanged (same source, same text). */
    boolean sameAs(HostedTemplate other) {
        return template instanceof DeclarativeTemplate mine && other.template instanceof DeclarativeTemplate theirs
                && source.equals(other.source) && mine.digest().equals(theirs.digest());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<TemplateInput> inputs() {
        return inputs;
    }

    @Override
    public Set<String> defaultLabels() {
        return defaultLabels;
    }

    @Override
    public Optional<String> titlePattern() {
        return titlePattern;
    }

    /** The registry initialised the template when it loaded it; a template is initialised once. */
    @Override
    public void init(TemplateHostContext host) {
        // already initialised by TemplateRegistry
    }

    @Override
    public String render(TemplateInputs values, RenderContext context) {
        VALIDATOR.validate(id, inputs, values);
        String body;
        try {
            body = template.render(values, context);
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s (%s) failed to render: %s"
                    .formatted(this, source, e), null, e);
        } catch (StackOverflowError | LinkageError e) {
            // a plugin that recurses without end, or was built against classes this host lacks: its failure, not the host's
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s (%s) failed to render: %s"
                    .formatted(this, source, e instanceof StackOverflowError ? "it overflowed the stack" : e.toString()), null, e);
        }
        if (body == null) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s (%s) rendered no body".formatted(this, source));
        }
        try {
            StorageFormatValidator.validate(body);
        } catch (InvalidStorageFormatException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s (%s) rendered a body Confluence would reject: %s"
                    .formatted(this, source, e.getMessage()), null, e);
        }
        return body;
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }

    private static String orEmpty(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
