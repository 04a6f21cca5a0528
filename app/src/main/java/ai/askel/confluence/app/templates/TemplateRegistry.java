package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.out.TemplateReloadResult;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content templates this connector can render: the built-in ones on its class path, the Java
 * template jars in the templates (plugins) directory, each in its own {@link PluginClassLoader}
 * (so a plugin sees the SPI, the domain and the JDK, nothing else), and the declarative templates
 * there (a folder, zip or jar holding {@code template.yaml} and a Markdown or storage-format body).
 *
 * <p>Start-up fails, listing every problem with its source, when a template cannot be loaded,
 * refuses this host's SPI version, declares an invalid id, version, title pattern or a repeated
 * input, or shares its id with another template. A connector that silently dropped a template
 * would fail later and far less clearly, at the first publish.
 *
 * <p>{@link #reload()} reads the directory's declarative templates again without a restart: a
 * changed one replaces its previous version, a broken one keeps its previous version serving and
 * is reported with its file, line and column. Java jars are loaded once; replacing one needs a
 * restart.
 */
public final class TemplateRegistry implements TemplateCatalogPort {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateRegistry.class);

    private final Optional<Path> directory;
    private final Map<String, HostedTemplate> fixed;
    private final AtomicReference<Map<String, HostedTemplate>> templates;
    private final Object reloading = new Object();

    private TemplateRegistry(Optional<Path> directory, Map<String, HostedTemplate> fixed, Map<String, HostedTemplate> declarative) {
        this.directory = directory;
        this.fixed = Map.copyOf(fixed);
        Map<String, HostedTemplate> all = new LinkedHashMap<>(fixed);
        all.putAll(declarative);
        this.templates = new AtomicReference<>(Map.copyOf(all));
    }

    /**
     * Loads the built-in templates and, when a templates directory is given, the templates in it.
     * An empty directory adds nothing; a folder or zip in it that is no template is skipped with a warning.
     *
     * @throws ConnectorException with {@link ErrorCode#TEMPLATE_ERROR} naming every bad template and its source, or
     *         the directory when it does not exist or is not a directory
     */
    public static TemplateRegistry load(Optional<Path> pluginsDir) {
        return load(pluginsDir, TemplateRegistry.class.getClassLoader());
    }

    static TemplateRegistry load(Optional<Path> pluginsDir, ClassLoader host) {
        TemplateLoading loading = new TemplateLoading(TemplateHostContext.current());
        loading.builtIns(host);
        boolean usable = pluginsDir.map(loading::usable).orElse(false);
        if (usable) {
            loading.pluginJars(pluginsDir.get(), host);
        }
        Map<String, HostedTemplate> fixed = new LinkedHashMap<>(loading.loaded);
        if (usable) {
            loading.declarative(pluginsDir.get());
        }
        if (!loading.problems.isEmpty()) {
            loading.closeLoaders();
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "The content templates could not be loaded:"
                    + (loading.problems.size() == 1 ? " " : "\n - ") + String.join("\n - ", loading.problems));
        }
        Map<String, HostedTemplate> declarative = new LinkedHashMap<>(loading.loaded);
        declarative.keySet().removeAll(fixed.keySet());
        return new TemplateRegistry(pluginsDir, fixed, declarative);
    }

    @Override
    public Optional<ContentTemplateProvider> find(String templateId) {
        return Optional.ofNullable(templates.get().get(templateId));
    }

    @Override
    public List<ContentTemplateProvider> all() {
        return templates.get().values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(ContentTemplateProvider.class::cast)
                .toList();
    }

    /** The title a template suggests for these inputs, from its title pattern. */
    public static Optional<String> suggestedTitle(ContentTemplateProvider template, ai.askel.confluence.domain.TemplateInputs inputs) {
        return template.titlePattern().map(pattern -> TitlePattern.fill(pattern, inputs)).filter(title -> !title.isBlank());
    }

    @Override
    public TemplateReloadResult reload() {
        if (directory.isEmpty()) {
            return new TemplateReloadResult(List.of(), List.of(), List.of());
        }
        synchronized (reloading) {
            Map<String, HostedTemplate> before = templates.get();
            TemplateLoading loading = new TemplateLoading(TemplateHostContext.current());
            fixed.values().forEach(template -> loading.loaded.put(template.id(), template));
            if (loading.usable(directory.get())) {
                loading.declarative(directory.get());
            }
            Map<String, HostedTemplate> next = new LinkedHashMap<>(loading.loaded);
            next.replaceAll((id, template) -> before.containsKey(id) && before.get(id).sameAs(template) ? before.get(id) : template);
            List<String> problems = new ArrayList<>(loading.problems);
            List<String> loaded = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (HostedTemplate old : before.values()) {
                if (fixed.containsKey(old.id()) || next.containsKey(old.id())) {
                    continue;
                }
                boolean broken = problems.stream().anyMatch(problem -> problem.startsWith(old.source()));
                if (broken) {
                    next.put(old.id(), old);
                    LOG.warn("Template {} keeps serving its previous version {}: its new version has problems", old.id(), old.version());
                } else {
                    removed.add(old.id());
                }
            }
            next.forEach((id, template) -> {
                if (!fixed.containsKey(id) && before.get(id) != template) {
                    loaded.add(template.toString());
                }
            });
            templates.set(Map.copyOf(next));
            problems.forEach(problem -> LOG.warn("Template reload: {}", problem));
            return new TemplateReloadResult(loaded, removed, problems);
        }
    }

    @Override
    public String toString() {
        return templates.get().values().stream().map(t -> t.id() + "@" + t.version()).sorted()
                .collect(Collectors.joining(", ", "TemplateRegistry[", "]"));
    }
}
