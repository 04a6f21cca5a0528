package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.out.TemplateReloadResult;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin class loader's isolation, declarative templates in the templates directory, and reloading them. */
class TemplateIsolationAndReloadTest {
    private static final RenderContext CONTEXT = new RenderContext(1, Title.of("Checkout"), SpaceKey.of("OPS"), List.of());
    private static final String DESCRIPTOR = """
            id: service-note
            version: 1.0.0
            inputs:
              - name: service
                type: string
                required: true
                description: The service
            """;

    @TempDir
    Path temp;

    @Test
    void a_plugin_jar_sees_the_spi_the_domain_and_the_jdk_but_no_application_class() throws IOException {
        Path plugins = Files.createDirectory(temp.resolve("plugins"));
        PluginJar.create().source("Prober", """
                import ai.askel.confluence.ports.spi.*;
                import ai.askel.confluence.domain.storage.StorageBuilder;
                import java.util.ArrayList;
                import java.util.List;
                public class Prober implements ContentTemplateProvider {
                    public String id() { return "prober"; }
                    public String version() { return "1"; }
                    public String render(ai.askel.confluence.domain.TemplateInputs inputs, RenderContext context) {
                        List<String> seen = new ArrayList<>();
                        for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "org.h2.Driver",
                                "ai.askel.confluence.app.AskelConfluence", "ai.askel.confluence.ports.out.TemplateCatalogPort",
                                "org.slf4j.LoggerFactory", "org.commonmark.parser.Parser",
                                "ai.askel.confluence.domain.storage.StorageBuilder", "java.sql.Connection")) {
                            try {
                                Class.forName(name, false, Prober.class.getClassLoader());
                                seen.add(name);
                            } catch (ClassNotFoundException e) {
                                // invisible to the plugin, as it should be for application classes
                            }
                        }
                        return StorageBuilder.create().bulletList(seen).build();
                    }
                }
                """).service("Prober").writeTo(plugins, "prober.jar");
        ContentTemplateProvider prober = TemplateRegistry.load(Optional.of(plugins)).find("prober").orElseThrow();

        String body = prober.render(TemplateInputs.empty(), CONTEXT);

        assertThat(body).isEqualTo("<ul><li>ai.askel.confluence.domain.storage.StorageBuilder</li><li>java.sql.Connection</li></ul>");
    }

    @Test
    void the_shared_packages_are_the_spi_and_the_domain_only() {
        assertThat(PluginClassLoader.isShared("ai.askel.confluence.ports.spi.ContentTemplateProvider")).isTrue();
        assertThat(PluginClassLoader.isShared("ai.askel.confluence.domain.TemplateInputs")).isTrue();
        assertThat(PluginClassLoader.isShared("ai.askel.confluence.ports.out.TemplateCatalogPort")).isFalse();
        assertThat(PluginClassLoader.isShared("ai.askel.confluence.domainx.Evil")).isFalse();
        assertThat(PluginClassLoader.isShared("com.fasterxml.jackson.databind.ObjectMapper")).isFalse();
    }

    @Test
    void loads_a_declarative_template_folder_and_zip_from_the_templates_directory() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("templates"));
        write(dir.resolve("service-note"), DESCRIPTOR, "# {{service}}\n");

        TemplateRegistry registry = TemplateRegistry.load(Optional.of(dir));

        assertThat(registry.all()).extracting(ContentTemplateProvider::id).containsExactly("customer-environment-runbook", "service-note");
        assertThat(registry.find("service-note").orElseThrow().render(new TemplateInputs(Map.of("service", "<Pay>")), CONTEXT))
                .isEqualTo("<h1>&lt;Pay&gt;</h1>");
    }

    @Test
    void a_broken_declarative_template_stops_the_start_up_naming_file_line_and_column() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("templates"));
        write(dir.resolve("service-note"), DESCRIPTOR, "# {{service}}\n\n{{#if nothing}}\n");

        assertThatThrownBy(() -> TemplateRegistry.load(Optional.of(dir)))
                .hasMessageContaining(dir.resolve("service-note").toAbsolutePath() + "/body.md:3:1: 'nothing' is not an input of this template");
    }

    @Test
    void reload_picks_up_a_change_and_a_broken_edit_keeps_the_old_version_serving_with_its_error() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("templates"));
        Path folder = dir.resolve("service-note");
        write(folder, DESCRIPTOR, "# {{service}}\n");
        TemplateRegistry registry = TemplateRegistry.load(Optional.of(dir));
        TemplateInputs inputs = new TemplateInputs(Map.of("service", "Pay"));

        assertThat(registry.reload()).isEqualTo(new TemplateReloadResult(List.of(), List.of(), List.of()));
        Files.writeString(folder.resolve("body.md"), "## Service {{service}}\n");
        TemplateReloadResult changed = registry.reload();
        assertThat(changed.loaded()).hasSize(1);
        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT)).isEqualTo("<h2>Service Pay</h2>");

        Files.writeString(folder.resolve("body.md"), "## Service {{service}}\n\nStatus: {{state | status}}\n");
        TemplateReloadResult broken = registry.reload();

        assertThat(broken.problems()).containsExactly(folder.toAbsolutePath() + "/body.md:3:9: 'state' is not an input of this template");
        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT)).isEqualTo("<h2>Service Pay</h2>");

        Files.writeString(folder.resolve("body.md"), "Fixed {{service}}\n");
        assertThat(registry.reload().ok()).isTrue();
        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT)).isEqualTo("<p>Fixed Pay</p>");

        deleteFolder(folder);
        assertThat(registry.reload().removed()).containsExactly("service-note");
        assertThat(registry.find("service-note")).isEmpty();
        assertThat(registry.find("customer-environment-runbook")).isPresent();
    }

    @Test
    void a_storage_format_body_reloads_too_and_a_broken_edit_keeps_the_old_version_serving_with_its_error() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("templates"));
        Path folder = Files.createDirectories(dir.resolve("service-note"));
        Files.writeString(folder.resolve("template.yaml"), DESCRIPTOR);
        Files.writeString(folder.resolve("body.xml"), "<h1>{{service}}</h1>");
        TemplateRegistry registry = TemplateRegistry.load(Optional.of(dir));
        TemplateInputs inputs = new TemplateInputs(Map.of("service", "<Pay>"));
        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT)).isEqualTo("<h1>&lt;Pay&gt;</h1>");

        Files.writeString(folder.resolve("body.xml"), "<h2 title=\"{{service}}\">Service {{service}}</h2>");
        assertThat(registry.reload().loaded()).hasSize(1);
        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT))
                .isEqualTo("<h2 title=\"&lt;Pay&gt;\">Service &lt;Pay&gt;</h2>");

        Files.writeString(folder.resolve("body.xml"), "<h2>Service {{service}}</h2>\n<p>{{state | status}}</p>");
        assertThat(registry.reload().problems())
                .containsExactly(folder.toAbsolutePath() + "/body.xml:2:4: 'state' is not an input of this template");
        Files.writeString(folder.resolve("body.xml"), "<h2>Service {{service}}</h3>");
        assertThat(registry.reload().problems()).singleElement().asString()
                .startsWith(folder.toAbsolutePath() + "/body.xml:1:").contains("not well-formed storage format");
        Files.writeString(folder.resolve("body.xml"), "<{{service}}>Service</h2>");
        assertThat(registry.reload().problems())
                .containsExactly(folder.toAbsolutePath() + "/body.xml:1:2: a placeholder cannot stand in a tag name");

        assertThat(registry.find("service-note").orElseThrow().render(inputs, CONTEXT))
                .isEqualTo("<h2 title=\"&lt;Pay&gt;\">Service &lt;Pay&gt;</h2>");
    }

    @Test
    void the_watcher_reloads_when_a_file_changes() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("templates"));
        Path folder = dir.resolve("service-note");
        write(folder, DESCRIPTOR, "# {{service}}\n");
        TemplateRegistry registry = TemplateRegistry.load(Optional.of(dir));
        List<TemplateReloadResult> heard = new CopyOnWriteArrayList<>();

        try (TemplateDirectoryWatcher watcher = TemplateDirectoryWatcher.start(dir, Duration.ofMillis(50), registry::reload, heard::add)) {
            Files.writeString(folder.resolve("body.md"), "Watched {{service}}\n");
            Files.setLastModifiedTime(folder.resolve("body.md"), FileTime.from(Instant.now().plusSeconds(5)));
            Instant deadline = Instant.now().plusSeconds(10);
            while (heard.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        }

        assertThat(heard).isNotEmpty();
        assertThat(registry.find("service-note").orElseThrow().render(new TemplateInputs(Map.of("service", "Pay")), CONTEXT))
                .isEqualTo("<p>Watched Pay</p>");
    }

    private static void write(Path folder, String descriptor, String body) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("template.yaml"), descriptor);
        Files.writeString(folder.resolve("body.md"), body);
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }
}
