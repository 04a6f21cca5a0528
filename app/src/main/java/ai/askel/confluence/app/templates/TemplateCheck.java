package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.TemplateFailedException;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplate;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.plugins.declarative.TemplateDefinitionException;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The checks a template author runs before publishing, without Confluence: the descriptor is
 * valid, the sample inputs pass the host's validation and render storage format Confluence accepts,
 * the same inputs render the same body, and hostile values (markup, macros, CDATA breakers,
 * entities, control characters) in every input leave the page's element structure exactly as
 * benign values do. The {@code templates check} command and the test kit both run these.
 */
public final class TemplateCheck {
    static final String[] HOSTILE_PIECES = {
        "<", ">", "&", "\"", "'", "]]>", "<![CDATA[", "]]]]><![CDATA[>", "</p>", "</td></tr></tbody></table>", "<br />",
        "<ac:structured-macro ac:name=\"html\"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body>"
                + "</ac:structured-macro>", "<ac:parameter ac:name=\"colour\">Red</ac:parameter>", "\"><ri:attachment ri:filename=\"x\" />",
        "&amp;", "&nbsp;", "&#x3c;", "<!--", "-->", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
        "{{environment}}", "**bold**", "[link](javascript:alert(1))", "# heading", "| cell |", "\u0000", "\u0001", "\u001B", "\u007F",
        "\uFFFE", "\uD800", "\t", "é", "😀", "javascript:alert(1)", "LIVE"
    };
    private static final RenderContext CONTEXT = new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION,
            Title.of("Template check"), SpaceKey.of("CHECK"), List.of());

    /**
     * The outcome: what passed, every problem, and the exception the template threw for the first problem that came
     * from one (for its stack trace: the test kit makes it the cause of its assertion error).
     */
    public record Report(String template, List<String> passed, List<String> problems, Optional<Throwable> cause) {
        public Report {
            passed = List.copyOf(passed);
            problems = List.copyOf(problems);
            java.util.Objects.requireNonNull(cause, "cause");
        }

        public Report(String template, List<String> passed, List<String> problems) {
            this(template, passed, problems, Optional.empty());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ContentTemplateProvider template;
    private final String source;

    private TemplateCheck(ContentTemplateProvider template, String source) {
        this.template = template;
        this.source = source;
    }

    /** Checks a Java template instance, hosted exactly as the connector hosts it. */
    public static TemplateCheck of(ContentTemplateProvider template) {
        return new TemplateCheck(template, template.getClass().getName());
    }

    /** Loads and checks a declarative template folder or archive; a load failure is the report's first problem. */
    public static Report directory(Path path, Optional<Map<String, Object>> sampleInputs, int fuzzRounds) {
        ContentTemplateProvider template;
        try {
            template = DeclarativeTemplates.load(path);
        } catch (TemplateDefinitionException e) {
            return new Report(path.toString(), List.of(), e.problems().stream().map(Object::toString).toList());
        } catch (ConnectorException e) {
            return new Report(path.toString(), List.of(), List.of(e.getMessage()));
        }
        return new TemplateCheck(template, path.toString()).run(sampleInputs, fuzzRounds);
    }

    /** Inputs built from the declared examples (required inputs without one get placeholder text). */
    public static Map<String, Object> exampleInputs(List<TemplateInput> inputs) {
        return Samples.fromExamples(inputs);
    }

    /**
     * The template as the connector hosts it (validated descriptor, checked inputs and body); a Java template as it will
     * run from its plugin jar.
     */
    public ContentTemplateProvider hosted() {
        HostedTemplate hosted = TemplateLoading.describe(template, source, template instanceof DeclarativeTemplate
                ? HostedTemplate.Origin.DECLARATIVE : HostedTemplate.Origin.JAVA_PLUGIN);
        template.init(TemplateHostContext.current());
        return hosted;
    }

    /** Runs every check: the descriptor, the sample inputs (the declared examples when none are given), determinism and the fuzz. */
    public Report run(Optional<Map<String, Object>> sampleInputs, int fuzzRounds) {
        List<String> passed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ContentTemplateProvider hosted;
        try {
            hosted = hosted();
            passed.add("descriptor: id %s, version %s, %d input(s)".formatted(template.id(), template.version(), template.inputs().size()));
        } catch (RuntimeException e) {
            return new Report(source, passed, List.of("descriptor: " + e.getMessage()));
        }
        Map<String, Object> sample = sampleInputs.orElseGet(() -> Samples.fromExamples(template.inputs()));
        List<Throwable> causes = new ArrayList<>();
        try {
            String body = hosted.render(new TemplateInputs(sample), CONTEXT);
            passed.add("sample inputs: valid, rendered %d characters of storage format".formatted(body.length()));
            if (body.equals(hosted.render(new TemplateInputs(sample), CONTEXT))) {
                passed.add("deterministic: the same inputs render the same body");
            } else {
                problems.add("not deterministic: the same inputs rendered two different bodies (no timestamps, random ids or unordered sets)");
            }
        } catch (ConnectorException e) {
            problems.add("sample inputs: " + forAuthor(e));
            causeOf(e).ifPresent(causes::add);
        }
        fuzz(hosted, fuzzRounds, causes).ifPresentOrElse(problems::add,
                () -> passed.add("hostile inputs: %d rounds, the page structure never changed".formatted(fuzzRounds)));
        return new Report(template.id(), passed, problems, causes.stream().findFirst());
    }

    /**
     * A failure as the template's author needs it: callers of the connector get a template's failure without its
     * message (they may be tenants), the author gets it in full.
     */
    public static String forAuthor(ConnectorException e) {
        return e instanceof TemplateFailedException failed ? failed.authorDetail() : e.getMessage();
    }

    /**
     * A template hosted for its author's preview: as the connector hosts it (the inputs validated, the body checked),
     * except that a failure is not logged, since the preview shows it ({@link #forAuthorInOneLine}).
     */
    public static ContentTemplateProvider forPreview(ContentTemplateProvider template) {
        HostedTemplate hosted = template instanceof HostedTemplate already ? already : (HostedTemplate) of(template).hosted();
        return hosted.unlogged();
    }

    /**
     * A failure as a preview prints it, in one line: {@link #forAuthor} and, for a plugin jar's template, the line of its
     * own code that threw (the first frame of a class of the jar), instead of a stack trace.
     */
    public static String forAuthorInOneLine(ConnectorException e) {
        String place = causeOf(e).stream().flatMap(cause -> java.util.Arrays.stream(cause.getStackTrace()))
                .filter(frame -> frame.getClassLoaderName() != null && frame.getClassLoaderName().startsWith(PluginClassLoader.NAME_PREFIX))
                .findFirst().map(frame -> " (at %s.%s(%s:%d))".formatted(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                        frame.getLineNumber())).orElse("");
        return forAuthor(e) + place;
    }

    /** The exception the template itself threw, when the failure came from one. */
    static Optional<Throwable> causeOf(ConnectorException e) {
        return e.code() == ai.askel.confluence.domain.error.ErrorCode.TEMPLATE_ERROR ? Optional.ofNullable(e.getCause()) : Optional.empty();
    }

    private Optional<String> fuzz(ContentTemplateProvider hosted, int rounds, List<Throwable> causes) {
        Random random = new Random(20261202L);
        for (int round = 0; round < rounds; round++) {
            Map<String, Object> hostile = Samples.shaped(template.inputs(), () -> hostileString(random));
            Map<String, Object> benign = Samples.shaped(template.inputs(), () -> "benign");
            String body;
            try {
                body = hosted.render(new TemplateInputs(hostile), CONTEXT);
            } catch (ConnectorException e) {
                if (e.code() == ai.askel.confluence.domain.error.ErrorCode.INVALID_INPUT) {
                    continue; // the template's own rules (pattern, allowed values) refused the value: also safe
                }
                causeOf(e).ifPresent(causes::add);
                return Optional.of("hostile inputs: round %d failed to render: %s".formatted(round, forAuthor(e)));
            }
            List<String> shape = StorageStructure.shape(body);
            List<String> expected = StorageStructure.shape(hosted.render(new TemplateInputs(benign), CONTEXT));
            if (runsScripts(expected)) {
                return Optional.of("the template's own markup holds an html macro or a script element: it renders one even from"
                        + " plain inputs");
            }
            if (!shape.equals(expected)) {
                return Optional.of("hostile inputs: round %d changed the page structure: %s instead of %s (inputs %s)"
                        .formatted(round, shape, expected, hostile));
            }
            if (runsScripts(shape)) {
                return Optional.of("hostile inputs: round %d produced an html macro or a script element".formatted(round));
            }
        }
        return Optional.empty();
    }

    private static boolean runsScripts(List<String> shape) {
        return shape.stream().anyMatch(element -> element.contains("=html") || element.startsWith("script"));
    }

    /** Starts with '<' so it is never a URL, an e-mail address or a status word: only its text differs from "benign". */
    static String hostileString(Random random) {
        StringBuilder value = new StringBuilder("<");
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
            value.append(HOSTILE_PIECES[random.nextInt(HOSTILE_PIECES.length)]);
        }
        return value.toString();
    }

    /** Input values for checks: from the declared examples, or of each input's shape. */
    static final class Samples {
        private Samples() {
        }

        static Map<String, Object> fromExamples(List<TemplateInput> inputs) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (TemplateInput input : inputs) {
                input.example().map(example -> parseExample(input, example)).ifPresent(value -> values.put(input.name(), value));
                if (!values.containsKey(input.name()) && input.required()) {
                    values.putAll(shaped(List.of(input), () -> "Example " + input.name()));
                }
            }
            return values;
        }

        /** Every input present, text from {@code text}; URLs, numbers and booleans fixed so both renders take the same branches. */
        static Map<String, Object> shaped(List<TemplateInput> inputs, java.util.function.Supplier<String> text) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (TemplateInput input : inputs) {
                values.put(input.name(), switch (input.type()) {
                    case STRING -> text.get().replaceAll("[\\r\\n]", " ");
                    case TEXT -> text.get();
                    case URL -> "https://example.com/a?b=1&c='d'";
                    case NUMBER -> 42L;
                    case BOOLEAN -> true;
                    case STRING_LIST -> List.of(text.get(), text.get());
                    case TABLE -> List.of(row(input, text), row(input, text));
                });
            }
            return values;
        }

        private static Map<String, Object> row(TemplateInput input, java.util.function.Supplier<String> text) {
            Map<String, Object> row = new LinkedHashMap<>();
            input.columns().forEach(column -> row.put(column, text.get()));
            return row;
        }

        private static Object parseExample(TemplateInput input, String example) {
            if (input.type() == InputType.STRING || input.type() == InputType.TEXT || input.type() == InputType.URL) {
                return example;
            }
            return MiniJson.parse(example);
        }
    }
}
