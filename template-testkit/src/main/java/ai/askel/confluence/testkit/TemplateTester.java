package ai.askel.confluence.testkit;

import ai.askel.confluence.app.templates.StoragePreview;
import ai.askel.confluence.app.templates.TemplateCheck;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tests a content template the way the connector hosts it, in a template author's own JUnit (or any)
 * tests, without Confluence: inputs are validated against the declared ones, the body is checked to
 * be storage format Confluence accepts, and hostile values are fuzzed through every input. Failures
 * are {@link AssertionError}s that say what is wrong.
 *
 * <pre>{@code
 * TemplateTester tester = TemplateTester.forDirectory(Path.of("src/main/templates/service-overview"));
 * String body = tester.render(Map.of("service", "Checkout"));
 * tester.assertPassesAllChecks();
 * }</pre>
 */
public final class TemplateTester {
    private static final int FUZZ_ROUNDS = 100;

    private final TemplateCheck check;
    private final ContentTemplateProvider hosted;
    private final RenderContext context;

    private TemplateTester(TemplateCheck check, RenderContext context) {
        this.check = check;
        this.hosted = check.hosted();
        this.context = context;
    }

    /** A Java template (an instance of your {@link ContentTemplateProvider}). */
    public static TemplateTester forProvider(ContentTemplateProvider template) {
        return new TemplateTester(TemplateCheck.of(Objects.requireNonNull(template, "template")), context("Test page", List.of()));
    }

    /** A declarative template: a folder (or zip) holding {@code template.yaml} and its body ({@code body.md} or {@code body.xml}). */
    public static TemplateTester forDirectory(Path directory) {
        ContentTemplateProvider template;
        try {
            template = DeclarativeTemplates.load(directory);
        } catch (ConnectorException e) {
            throw new AssertionError("the template does not load:\n" + e.getMessage(), e);
        }
        return new TemplateTester(TemplateCheck.of(template), context("Test page", List.of()));
    }

    /** The same tester rendering as if these files were attached to the page. */
    public TemplateTester withAttachments(String... fileNames) {
        return new TemplateTester(check, context(context.pageTitle().value(), List.of(fileNames)));
    }

    /** The same tester rendering a page with this title. */
    public TemplateTester withTitle(String title) {
        return new TemplateTester(check, context(title, context.attachmentFileNames()));
    }

    /** The template as the connector sees it (id, version, inputs, labels). */
    public ContentTemplateProvider template() {
        return hosted;
    }

    /**
     * Renders the inputs as the connector would: validated first, the body then checked to be
     * storage format. Invalid inputs throw the connector's {@link InvalidInputException}.
     */
    public String render(Map<String, ?> inputs) {
        return hosted.render(new TemplateInputs(Map.copyOf(inputs)), context);
    }

    /** An HTML approximation of the rendered page, to look at in a browser. */
    public String renderHtml(Map<String, ?> inputs) {
        return StoragePreview.toHtml(hosted.displayName(), render(inputs));
    }

    /** Asserts the connector rejects these inputs, naming exactly these fields (such as {@code inputs.service}). */
    public InvalidInputException assertRejects(Map<String, ?> inputs, String... fields) {
        try {
            render(inputs);
        } catch (InvalidInputException e) {
            List<String> named = e.problems().stream().map(InvalidInputException.Problem::field).toList();
            if (!named.equals(List.of(fields))) {
                throw new AssertionError("expected the inputs to be rejected naming " + List.of(fields) + " but the problems were "
                        + e.problems());
            }
            return e;
        }
        throw new AssertionError("expected the inputs to be rejected naming " + List.of(fields) + ", but they rendered");
    }

    /** Asserts hostile values in every input (markup, macros, CDATA breakers, control characters) never change the page structure. */
    public void assertSafeAgainstHostileInputs() {
        TemplateCheck.Report report = check.run(Optional.empty(), FUZZ_ROUNDS);
        List<String> problems = report.problems().stream()
                .filter(problem -> problem.startsWith("hostile inputs")).toList();
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems), report.cause().orElse(null));
        }
    }

    /** Asserts the same inputs render the same body twice (the connector compares bodies to skip unchanged publishes). */
    public void assertDeterministic(Map<String, ?> inputs) {
        String first = render(inputs);
        String second = render(inputs);
        if (!first.equals(second)) {
            throw new AssertionError("the same inputs rendered two different bodies:\n" + first + "\n" + second);
        }
    }

    /** Runs every check ({@code templates check} runs the same): descriptor, examples, determinism, hostile inputs. */
    public TemplateCheck.Report check() {
        return check.run(Optional.empty(), FUZZ_ROUNDS);
    }

    /** Asserts every check passes, listing each problem otherwise (the template's exception, when it threw one, is the cause). */
    public void assertPassesAllChecks() {
        TemplateCheck.Report report = check();
        if (!report.ok()) {
            // the template's own exception as the cause, so that the stack trace shows the line that threw
            throw new AssertionError("template " + report.template() + " fails its checks:\n - " + String.join("\n - ", report.problems()),
                    report.cause().orElse(null));
        }
    }

    private static RenderContext context(String title, List<String> attachments) {
        return new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION, Title.of(title), SpaceKey.of("TEST"), attachments);
    }
}
