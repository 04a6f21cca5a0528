package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.TemplateFailedException;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class TemplateRegistryTest {
    private static final RenderContext CONTEXT = new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION,
            Title.of("Crestview Production"), SpaceKey.of("OPS"), List.of());

    @TempDir
    Path temp;

    @Test
    void given_no_plugins_directory_loads_the_built_in_runbook_template() {
        TemplateRegistry registry = TemplateRegistry.load(Optional.empty());

        assertThat(registry.all()).extracting(ContentTemplateProvider::id).containsExactly("customer-environment-runbook");
        ContentTemplateProvider runbook = registry.find("customer-environment-runbook").orElseThrow();
        assertThat(runbook.version()).isEqualTo("1.0.0");
        assertThat(runbook.displayName()).isEqualTo("Customer environment runbook");
        assertThat(runbook.render(new TemplateInputs(Map.of("environment", "Crestview Production", "customer", "Crestview",
                "status", "LIVE")), CONTEXT)).startsWith("<h1>Crestview Production</h1>");
        assertThat(registry.find("no-such-template")).isEmpty();
    }

    @Test
    void given_an_empty_plugins_directory_loads_only_the_built_ins() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("plugins"));

        assertThat(TemplateRegistry.load(Optional.of(empty)).all()).hasSize(1);
    }

    @Test
    void given_a_plugins_directory_that_does_not_exist_fails_naming_it_in_one_line() {
        Path missing = temp.resolve("missing");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(missing)))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("The content templates could not be loaded: the plugins directory " + missing + " does not exist")
                .satisfies(e -> assertThat(((ConnectorException) e).code()).isEqualTo(ErrorCode.TEMPLATE_ERROR));
    }

    @Test
    void a_declarative_template_with_more_default_labels_than_one_publish_takes_is_refused_at_load() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        Path template = Files.createDirectory(plugins.resolve("many-labels"));
        String labels = java.util.stream.IntStream.rangeClosed(1, Label.MAX_PER_REQUEST + 1).mapToObj(i -> "l" + i)
                .collect(java.util.stream.Collectors.joining(", "));
        Files.writeString(template.resolve("template.yaml"), "id: many-labels\nversion: 1.0.0\nlabels: [" + labels + "]\n");
        Files.writeString(template.resolve("body.md"), "Hello\n");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining(template.toString()).hasMessageContaining("declares 51 default labels");
    }

    @Test
    void warns_about_each_entry_of_the_plugins_directory_that_is_not_a_template_and_says_how_to_fix_it() throws IOException {
        Path plugins = pluginsDir();
        Path nested = Files.createDirectories(plugins.resolve("wrapper/service-overview"));
        Files.writeString(nested.resolve("template.yaml"), "id: service-overview\nversion: 1.0.0\n");
        Files.writeString(nested.resolve("body.md"), "x\n");
        Path notes = Files.createDirectory(plugins.resolve("notes"));
        Files.writeString(notes.resolve("README.md"), "not a template");
        Path zip = plugins.resolve("so.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("service-overview/", "service-overview/template.yaml", "service-overview/body.md")) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(name.endsWith("/") ? new byte[0] : Files.readAllBytes(nested.resolve(name.substring(name.indexOf('/') + 1))));
                out.closeEntry();
            }
        }

        List<String> fromParent = logLines(() -> TemplateRegistry.load(Optional.of(plugins)));
        List<String> fromTemplate = logLines(() -> TemplateRegistry.load(Optional.of(nested)));

        assertThat(fromParent).contains(
                "Skipping " + notes + ": a folder without template.yaml, template.yml or template.json, so no template",
                "Skipping " + zip + ": no template.yaml at its root (found service-overview/template.yaml); make the archive from"
                        + " inside the template's folder",
                "Skipping " + plugins.resolve("wrapper") + ": no template.yaml at its root (found service-overview/template.yaml);"
                        + " each template's folder must sit directly in the plugins directory");
        assertThat(fromTemplate).contains("The plugins directory " + nested + " is itself a template (it holds template.yaml):"
                + " point the plugins directory (--plugins-dir) at its parent, " + nested.getParent());
    }

    @Test
    void given_a_plugins_path_that_is_a_file_fails_naming_it() throws IOException {
        Path file = Files.writeString(temp.resolve("plugins.txt"), "not a directory");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(file)))
                .hasMessageContaining(file + " is not a directory");
    }

    @Test
    void loads_a_third_party_template_jar_from_the_plugins_directory_and_renders_it() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note")).service("IncidentNoteTemplate")
                .writeTo(plugins, "incident-note-1.0.jar");
        Files.writeString(plugins.resolve("README.txt"), "not a jar, ignored");

        TemplateRegistry registry = TemplateRegistry.load(Optional.of(plugins));

        assertThat(registry.all()).extracting(ContentTemplateProvider::id)
                .containsExactly("customer-environment-runbook", "incident-note");
        ContentTemplateProvider note = registry.find("incident-note").orElseThrow();
        assertThat(note.version()).isEqualTo("2.1.0");
        assertThat(note.defaultLabels()).containsExactly("incident");
        assertThat(note.getClass().getName()).doesNotStartWith("com.example");
        String body = note.render(new TemplateInputs(Map.of("summary", "Checkout <down> & \"slow\"")), CONTEXT);
        assertThat(body).isEqualTo("<h1>Incident</h1><ac:structured-macro ac:name=\"warning\"><ac:rich-text-body>"
                + "<p>Checkout &lt;down&gt; &amp; \"slow\"</p></ac:rich-text-body></ac:structured-macro>");
        StorageFormatValidator.validate(body);
    }

    @Test
    void a_plugin_whose_render_overflows_the_stack_fails_with_a_template_error_and_the_host_goes_on() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note").replace(
                        "String summary = (String) inputs.get(\"summary\").orElseThrow();",
                        "String summary = render(inputs, context);"))
                .service("IncidentNoteTemplate").writeTo(plugins, "recursing.jar");
        ContentTemplateProvider note = TemplateRegistry.load(Optional.of(plugins)).find("incident-note").orElseThrow();

        assertThatThrownBy(() -> note.render(new TemplateInputs(Map.of("summary", "x")), CONTEXT))
                .isInstanceOfSatisfying(TemplateFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR);
                    assertThat(e.authorDetail()).contains("overflowed the stack");
                });
        assertThat(TemplateRegistry.load(Optional.of(plugins)).find("customer-environment-runbook")).isPresent();
    }

    @Test
    void logs_each_loaded_template_with_its_version_and_source() throws IOException {
        Path plugins = pluginsDir();
        Path jar = PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note")).service("IncidentNoteTemplate")
                .writeTo(plugins, "incident-note.jar");
        List<String> logged = logLines(() -> TemplateRegistry.load(Optional.of(plugins)));

        assertThat(logged)
                .anySatisfy(line -> assertThat(line).startsWith("Loaded template customer-environment-runbook version 1.0.0"
                        + " (ai.askel.confluence.plugins.runbook.CustomerEnvironmentRunbookProvider) from built-in templates ("))
                .contains("Loaded template incident-note version 2.1.0 (com.example.templates.IncidentNoteTemplate) from " + jar);
    }

    @Test
    void validates_the_inputs_against_the_declared_ones_before_the_template_renders() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note")).service("IncidentNoteTemplate")
                .writeTo(plugins, "incident-note.jar");
        ContentTemplateProvider note = TemplateRegistry.load(Optional.of(plugins)).find("incident-note").orElseThrow();

        assertThatThrownBy(() -> note.render(new TemplateInputs(Map.of("summry", "typo")), CONTEXT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("inputs.summary", "inputs.summry"));
    }

    @Test
    void given_two_jars_with_the_same_template_id_fails_naming_both_jars() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note")).service("IncidentNoteTemplate")
                .writeTo(plugins, "acme-notes.jar");
        PluginJar.create().source("OtherNoteTemplate", incidentNote("incident-note").replace("IncidentNoteTemplate",
                "OtherNoteTemplate")).service("OtherNoteTemplate").writeTo(plugins, "globex-notes.jar");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR))
                .hasMessageContaining("two templates have the id 'incident-note'")
                .hasMessageContaining("com.example.templates.IncidentNoteTemplate in " + plugins.resolve("acme-notes.jar"))
                .hasMessageContaining("com.example.templates.OtherNoteTemplate in " + plugins.resolve("globex-notes.jar"));
    }

    @Test
    void given_a_jar_reusing_a_built_in_id_fails_naming_the_built_in_and_the_jar() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("customer-environment-runbook"))
                .service("IncidentNoteTemplate").writeTo(plugins, "impostor.jar");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .hasMessageContaining("two templates have the id 'customer-environment-runbook'")
                .hasMessageContaining("CustomerEnvironmentRunbookProvider in built-in templates (")
                .hasMessageContaining("IncidentNoteTemplate in " + plugins.resolve("impostor.jar"));
    }

    @Test
    void given_a_template_that_refuses_this_spi_version_fails_naming_the_jar_and_its_reason() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("FutureTemplate", """
                import ai.askel.confluence.ports.spi.*;
                public class FutureTemplate implements ContentTemplateProvider {
                    public String id() { return "future"; }
                    public String version() { return "9.0.0"; }
                    public void init(TemplateHostContext host) {
                        if (host.spiVersion() < 7) {
                            throw new TemplateRefusedException("needs SPI version 7, this host speaks " + host.spiVersion());
                        }
                    }
                    public String render(ai.askel.confluence.domain.TemplateInputs inputs, RenderContext context) { return ""; }
                }
                """).service("FutureTemplate").writeTo(plugins, "future.jar");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .hasMessageContaining(plugins.resolve("future.jar") + ": template future@9.0.0 (com.example.templates.FutureTemplate)"
                        + " refused to run on this connector (SPI version 2): needs SPI version 7, this host speaks 2");
    }

    @Test
    void given_a_jar_listing_a_class_it_does_not_hold_fails_naming_the_jar() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().service("Missing").writeTo(plugins, "broken.jar");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .hasMessageContaining(plugins.resolve("broken.jar") + ": a template could not be loaded")
                .hasMessageContaining("com.example.templates.Missing");
    }

    @Test
    void given_a_file_named_jar_that_is_not_a_jar_fails_naming_it() throws IOException {
        Path plugins = pluginsDir();
        Files.writeString(plugins.resolve("truncated.jar"), "not a zip");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .hasMessageContaining(plugins.resolve("truncated.jar") + ": is not a readable jar");
    }

    @Test
    void given_a_jar_without_a_service_file_skips_it() throws IOException {
        Path plugins = pluginsDir();
        Path jar = PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note")).writeTo(plugins, "unlisted.jar");
        List<TemplateRegistry> loaded = new ArrayList<>();

        List<String> logged = logLines(() -> loaded.add(TemplateRegistry.load(Optional.of(plugins))));

        assertThat(loaded.get(0).all()).extracting(ContentTemplateProvider::id).containsExactly("customer-environment-runbook");
        assertThat(logged).contains("Skipping " + jar + ": it holds no META-INF/services/"
                + "ai.askel.confluence.ports.spi.ContentTemplateProvider file, so no template");
    }

    @Test
    void given_invalid_descriptors_fails_listing_every_problem_with_its_jar() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("Incident_Note")).service("IncidentNoteTemplate")
                .writeTo(plugins, "bad-id.jar");
        PluginJar.create().source("NoVersion", """
                import ai.askel.confluence.ports.spi.*;
                public class NoVersion implements ContentTemplateProvider {
                    public String id() { return "no-version"; }
                    public String version() { return " "; }
                    public String render(ai.askel.confluence.domain.TemplateInputs inputs, RenderContext context) { return ""; }
                }
                """).service("NoVersion").writeTo(plugins, "no-version.jar");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(plugins)))
                .hasMessageContaining(plugins.resolve("bad-id.jar") + ": template class com.example.templates.IncidentNoteTemplate"
                        + " has an invalid descriptor: template: 'Incident_Note' is not a template id")
                .hasMessageContaining(plugins.resolve("no-version.jar") + ": template class com.example.templates.NoVersion"
                        + " has an invalid descriptor: templateVersion: is required");
    }

    @Test
    void given_a_template_whose_body_is_not_storage_format_fails_the_render_naming_the_template() throws IOException {
        Path plugins = pluginsDir();
        PluginJar.create().source("Concatenating", """
                import ai.askel.confluence.ports.spi.*;
                public class Concatenating implements ContentTemplateProvider {
                    public String id() { return "concatenating"; }
                    public String version() { return "1"; }
                    public String render(ai.askel.confluence.domain.TemplateInputs inputs, RenderContext context) {
                        return "<p>" + context.pageTitle() + "</p>";
                    }
                }
                """).service("Concatenating").writeTo(plugins, "concatenating.jar");
        ContentTemplateProvider template = TemplateRegistry.load(Optional.of(plugins)).find("concatenating").orElseThrow();
        RenderContext hostile = new RenderContext(1, Title.of("R&D <team>"), SpaceKey.of("OPS"), List.of());

        assertThat(template.render(TemplateInputs.empty(), CONTEXT)).isEqualTo("<p>Crestview Production</p>");
        assertThatThrownBy(() -> template.render(TemplateInputs.empty(), hostile))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR))
                .hasMessageStartingWith("template concatenating@1 rendered a body Confluence would reject (reference ")
                .hasMessageNotContaining(plugins.toString());
    }

    @Test
    void a_template_that_throws_tells_the_caller_only_its_name_and_a_reference_and_logs_the_cause_under_it() throws IOException {
        Path plugins = pluginsDir();
        Path jar = PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note").replace(
                        "String summary = (String) inputs.get(\"summary\").orElseThrow();",
                        "if (true) throw new IllegalStateException(\"boom: db password=hunter2\"); String summary = \"\";"))
                .service("IncidentNoteTemplate").writeTo(plugins, "throws-render.jar");
        ContentTemplateProvider note = TemplateRegistry.load(Optional.of(plugins)).find("incident-note").orElseThrow();
        List<Throwable> thrownBox = new ArrayList<>();

        List<ILoggingEvent> logged = events(HostedTemplate.class,
                () -> thrownBox.add(catchThrowable(() -> note.render(new TemplateInputs(Map.of("summary", "x")), CONTEXT))));
        Throwable thrown = thrownBox.get(0);

        assertThat(thrown).isInstanceOfSatisfying(TemplateFailedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR);
            assertThat(e.getMessage()).isEqualTo("template incident-note@2.1.0 failed to render (reference " + e.reference()
                    + "; the server log has the details)");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom: db password=hunter2");
        });
        String reference = ((TemplateFailedException) thrown).reference();
        assertThat(reference).matches("[0-9a-f]{12}");
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("incident-note@2.1.0", jar.toString(), "reference " + reference, "boom");
            assertThat(event.getThrowableProxy()).as("logged with its stack trace").isNotNull();
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "new ai.askel.confluence.domain.error.ConnectorException(ai.askel.confluence.domain.error.ErrorCode.CONFLICT, \"%s\")",
        "ai.askel.confluence.domain.error.InvalidInputException.of(\"inputs.summary\", \"%s\")",
        "new ai.askel.confluence.domain.error.NotFoundException(\"%s\")",
        "new ai.askel.confluence.domain.error.TemplateFailedException(\"incident-note@2.1.0\", \"%s\", \"%1$s\", null)"})
    void a_connector_exception_a_plugin_throws_itself_tells_the_caller_only_the_name_and_a_reference(String thrown) throws IOException {
        String secret = "row 7 of tenant acme: db password=hunter2";
        Path plugins = pluginsDir();
        PluginJar.create().source("IncidentNoteTemplate", incidentNote("incident-note").replace(
                        "String summary = (String) inputs.get(\"summary\").orElseThrow();",
                        "if (true) throw " + thrown.formatted(secret) + "; String summary = \"\";"))
                .service("IncidentNoteTemplate").writeTo(plugins, "throws-its-own.jar");
        ContentTemplateProvider note = TemplateRegistry.load(Optional.of(plugins)).find("incident-note").orElseThrow();
        List<Throwable> thrownBox = new ArrayList<>();

        List<ILoggingEvent> logged = events(HostedTemplate.class,
                () -> thrownBox.add(catchThrowable(() -> note.render(new TemplateInputs(Map.of("summary", "x")), CONTEXT))));

        assertThat(thrownBox.get(0)).isInstanceOfSatisfying(TemplateFailedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR);
            assertThat(e.getMessage()).isEqualTo("template incident-note@2.1.0 failed to render (reference " + e.reference()
                    + "; the server log has the details)");
            assertThat(e.getCause()).isInstanceOf(ConnectorException.class).hasMessageContaining(secret);
            assertThat(e.authorDetail()).as("the author still sees it").contains(secret);
            assertThat(logged).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("reference " + e.reference(), secret);
                assertThat(event.getThrowableProxy()).as("logged with its stack trace").isNotNull();
            });
        });
    }

    @Test
    void a_template_reading_an_input_as_another_type_than_it_declares_is_the_templates_error_not_the_callers() {
        ContentTemplateProvider wrongType = TemplateCheck.of(new ContentTemplateProvider() {
            @Override
            public String id() {
                return "wrongtype";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public List<TemplateInput> inputs() {
                return List.of(TemplateInput.required("service", InputType.STRING, "The service"),
                        TemplateInput.optional("team", InputType.STRING, "The team"));
            }

            @Override
            public String render(TemplateInputs inputs, RenderContext context) {
                return inputs.bool("team").isPresent() ? inputs.requiredString("team") : "<p>" + inputs.number("service").orElseThrow() + "</p>";
            }
        }).hosted();

        assertThatThrownBy(() -> wrongType.render(new TemplateInputs(Map.of("service", "Checkout")), CONTEXT))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR))
                .isNotInstanceOf(InvalidInputException.class)
                .hasMessage("template wrongtype read input 'service' as a number, but declares it string");
        assertThatThrownBy(() -> wrongType.render(new TemplateInputs(Map.of("service", "Checkout", "team", "Payments")), CONTEXT))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_ERROR))
                .hasMessage("template wrongtype read input 'team' as true or false, but declares it string");
    }

    /** What {@code type} logs (INFO and up) while {@code action} runs, kept out of the build output. */
    private static List<ILoggingEvent> events(Class<?> type, Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(events);
        try {
            action.run();
        } finally {
            logger.detachAppender(events);
            logger.setAdditive(additive);
            logger.setLevel(level);
        }
        return events.list;
    }

    /** What the registry logs (INFO and up) while {@code action} runs, kept out of the build output. */
    private static List<String> logLines(Runnable action) {
        return events(TemplateRegistry.class, action).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private Path pluginsDir() throws IOException {
        return Files.createDirectory(temp.resolve("plugins"));
    }

    /** A minimal third-party template: one required input, rendered with the safe builder. */
    private static String incidentNote(String id) {
        return """
                import ai.askel.confluence.domain.TemplateInputs;
                import ai.askel.confluence.domain.storage.*;
                import ai.askel.confluence.ports.spi.*;
                import java.util.List;
                import java.util.Set;

                public class IncidentNoteTemplate implements ContentTemplateProvider {
                    public String id() { return "%s"; }
                    public String version() { return "2.1.0"; }
                    public List<TemplateInput> inputs() {
                        return List.of(TemplateInput.required("summary", InputType.TEXT, "What happened"));
                    }
                    public Set<String> defaultLabels() { return Set.of("incident"); }
                    public String render(TemplateInputs inputs, RenderContext context) {
                        String summary = (String) inputs.get("summary").orElseThrow();
                        return StorageBuilder.create()
                                .heading(1, "Incident")
                                .panel(PanelType.WARNING, null, panel -> panel.paragraph(summary))
                                .build();
                    }
                }
                """.formatted(id);
    }
}
