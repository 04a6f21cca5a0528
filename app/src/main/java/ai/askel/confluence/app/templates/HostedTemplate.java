package ai.askel.confluence.app.templates;

import ai.askel.confluence.app.usecase.TemplateInputValidator;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InputReadException;
import ai.askel.confluence.domain.error.TemplateFailedException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded template as the host hands it out: its descriptor read once at load time, the caller's
 * inputs validated against the declared ones before {@link #render} reaches the template, and the
 * body checked to be storage format Confluence will accept. A template's failure surfaces as a
 * {@link ErrorCode#TEMPLATE_ERROR} naming the template (never where it was loaded from, nor its own message: callers
 * may be tenants); the host's log has the rest. That holds for whatever a Java plugin throws, a
 * {@link ConnectorException} of its own too; only the templates the connector renders itself ({@link Origin}) throw
 * messages written for callers.
 */
final class HostedTemplate implements ContentTemplateProvider {
    private static final Logger LOG = LoggerFactory.getLogger(HostedTemplate.class);
    /** The same rules the publish use case applies before it calls Confluence. */
    private static final TemplateInputValidator VALIDATOR = new TemplateInputValidator();

    /** Where a template comes from, which decides whose words its {@link ConnectorException} carries. */
    enum Origin {
        /**
         * On the connector's class path (the built-in templates): the connector's own code, or its host's. A
         * {@link ConnectorException} it throws (a declarative body's repeat limit, say) tells the caller as it is.
         */
        BUILT_IN,
        /** A declarative template, rendered by the connector's own engine: its {@link ConnectorException} is as above. */
        DECLARATIVE,
        /**
         * A Java template from a plugin jar, or one the test kit checks as it will run from its jar: third-party code, so
         * anything it throws, a {@link ConnectorException} too, is its failure ({@link TemplateFailedException}).
         */
        JAVA_PLUGIN;

        boolean writesForCallers() {
            return this != JAVA_PLUGIN;
        }
    }

    private final ContentTemplateProvider template;
    private final String source;
    private final Origin origin;
    /** Whether a failure is logged under its reference (not when an author's tool shows it in full instead). */
    private final boolean logsFailures;
    private final String id;
    private final String version;
    private final String displayName;
    private final String description;
    private final List<TemplateInput> inputs;
    private final Set<String> defaultLabels;
    private final Optional<String> titlePattern;

    HostedTemplate(ContentTemplateProvider template, String source, Origin origin) {
        this(template, source, origin, true);
    }

    private HostedTemplate(ContentTemplateProvider template, String source, Origin origin, boolean logsFailures) {
        this.template = template;
        this.source = source;
        this.origin = origin;
        this.logsFailures = logsFailures;
        this.id = template.id();
        this.version = template.version();
        this.displayName = orEmpty(template.displayName(), id);
        this.description = orEmpty(template.description(), "");
        this.inputs = List.copyOf(template.inputs());
        this.defaultLabels = Set.copyOf(template.defaultLabels());
        this.titlePattern = template.titlePattern();
    }

    /**
     * The same template for its author's preview, which shows a failure in full itself: nothing is logged (a log line
     * with a stack trace would only repeat it, on the terminal the preview prints to).
     */
    HostedTemplate unlogged() {
        return new HostedTemplate(template, source, origin, false);
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

    /**
     * Validates the caller's inputs, renders, and checks the body. A failure of the template's own (an exception, for a
     * Java plugin any {@link ConnectorException} too; no body; a body Confluence would reject) is a
     * {@link TemplateFailedException}: callers get the template's name and a reference, and the cause is logged here,
     * stack trace and source included, under that reference.
     */
    @Override
    public String render(TemplateInputs values, RenderContext context) {
        VALIDATOR.validate(id, inputs, values);
        String body;
        try {
            body = template.render(values, context);
        } catch (InputReadException e) {
            throw misread(e);
        } catch (ConnectorException e) {
            if (origin.writesForCallers()) {
                throw e;
            }
            // a plugin's own message may say anything (its database, its secrets, another tenant's data): the log has it
            throw failed("failed to render", e.toString(), e);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // a plugin that recurses without end, or was built against classes this host lacks: its failure, not the host's
            throw failed("failed to render", e instanceof StackOverflowError ? "it overflowed the stack" : e.toString(), e);
        }
        if (body == null) {
            throw failed("rendered no body", "render returned null", null);
        }
        try {
            StorageFormatValidator.validate(body);
        } catch (InvalidStorageFormatException e) {
            throw failed("rendered a body Confluence would reject", e.getMessage(), e);
        }
        return body;
    }

    /** Logs the failure with its cause under a new reference, and returns what callers are told. */
    private TemplateFailedException failed(String what, String detail, Throwable cause) {
        TemplateFailedException failure = new TemplateFailedException(toString(), what, "template %s %s: %s".formatted(this, what, detail),
                cause);
        if (logsFailures) {
            LOG.warn("Template {} from {} {} (reference {}): {}", this, source, what, failure.reference(), detail, cause);
        }
        return failure;
    }

    /**
     * The caller's inputs passed the declared ones before the render, so an input read the wrong way is the template's
     * bug: it reads an input as another type than it declares, or requires one it declares optional.
     */
    private ConnectorException misread(InputReadException e) {
        Optional<TemplateInput> declared = inputs.stream().filter(input -> input.name().equals(e.input())).findFirst();
        String message;
        if (declared.isEmpty()) {
            message = "template %s read input '%s', which it does not declare".formatted(id, e.input());
        } else if (e.readAs() == InputReadException.ReadAs.REQUIRED) {
            message = "template %s requires input '%s', but declares it optional".formatted(id, e.input());
        } else {
            message = "template %s read input '%s' as %s, but declares it %s"
                    .formatted(id, e.input(), e.readAs().words(), declared.get().type().descriptorName());
        }
        if (logsFailures) {
            LOG.warn("Template {} from {}: {} ({})", this, source, message, e.getMessage());
        }
        return new ConnectorException(ErrorCode.TEMPLATE_ERROR, message, null, e);
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }

    private static String orEmpty(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
