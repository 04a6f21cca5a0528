package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import ai.askel.confluence.ports.spi.TemplateRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the template sources: the built-in templates, the Java template jars (each in its
 * own {@link PluginClassLoader}) and the declarative templates (folders, and zips or jars holding a
 * {@code template.yaml}) of the templates directory. It collects what loaded and every problem,
 * each naming its source.
 */
final class TemplateLoading {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateRegistry.class);
    static final String SERVICE_FILE = "META-INF/services/" + ContentTemplateProvider.class.getName();

    private final TemplateHostContext host;
    final Map<String, HostedTemplate> loaded = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final List<PluginClassLoader> pluginLoaders = new ArrayList<>();

    TemplateLoading(TemplateHostContext host) {
        this.host = host;
    }

    void builtIns(ClassLoader hostLoader) {
        try {
            ServiceLoader.load(ContentTemplateProvider.class, hostLoader).stream()
                    .forEach(provider -> add(provider, "built-in templates (" + codeSource(provider.type()) + ")", HostedTemplate.Origin.BUILT_IN));
        } catch (ServiceConfigurationError e) {
            problems.add("a built-in template could not be loaded: " + reason(e));
        }
    }

    /**
     * Whether the directory exists and is one; a problem says why not, since a mistyped path would otherwise
     * load no template and be found out only at the first publish. A directory that is itself a template's
     * folder is usable (it is scanned), with a warning saying where to point instead.
     */
    boolean usable(Path dir) {
        if (!Files.exists(dir)) {
            problems.add("the plugins directory " + dir + " does not exist");
            return false;
        }
        if (!Files.isDirectory(dir)) {
            problems.add("the plugins directory " + dir + " is not a directory");
            return false;
        }
        if (DeclarativeTemplates.isTemplate(dir)) {
            Path parent = dir.toAbsolutePath().normalize().getParent();
            LOG.warn("The plugins directory {} is itself a template (it holds {}): point the plugins directory (--plugins-dir) at its parent, {}",
                    dir, DeclarativeTemplates.descriptorIn(dir).orElse("template.yaml"), parent);
        }
        return true;
    }

    void pluginJars(Path dir, ClassLoader hostLoader) {
        for (Path jar : entries(dir)) {
            if (jar.getFileName().toString().endsWith(".jar") && Files.isRegularFile(jar) && !DeclarativeTemplates.isTemplate(jar)) {
                pluginJar(jar, hostLoader);
            }
        }
    }

    void declarative(Path dir) {
        for (Path entry : entries(dir)) {
            if (!DeclarativeTemplates.isTemplate(entry)) {
                warnIfMeantAsTemplate(entry);
            } else {
                String source = entry.toAbsolutePath().normalize().toString();
                ContentTemplateProvider template;
                try {
                    template = DeclarativeTemplates.load(entry);
                } catch (ConnectorException | UncheckedIOException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                try {
                    // the same checks as a plugin's template (the most default labels, among others)
                    put(describe(template, source, HostedTemplate.Origin.DECLARATIVE), "declarative template");
                } catch (InvalidInputException e) {
                    problems.add("%s: %s".formatted(source, e.getMessage()));
                }
            }
        }
    }

    /**
     * A folder or zip in the directory that is no template is most likely one set up wrongly: say so, with the fix.
     * Other files (a README, a jar, which {@link #pluginJars} reports) are left alone.
     */
    private static void warnIfMeantAsTemplate(Path entry) {
        String name = entry.getFileName().toString();
        boolean folder = Files.isDirectory(entry);
        if (!folder && !name.endsWith(".zip")) {
            return;
        }
        Optional<String> nested = DeclarativeTemplates.nestedDescriptor(entry);
        if (nested.isPresent()) {
            LOG.warn("Skipping {}: no template.yaml at its root (found {}); {}", entry, nested.get(), folder
                    ? "each template's folder must sit directly in the plugins directory"
                    : "make the archive from inside the template's folder");
        } else {
            LOG.warn("Skipping {}: a {} without template.yaml, template.yml or template.json, so no template", entry, folder ? "folder" : "zip");
        }
    }

    private void pluginJar(Path jar, ClassLoader hostLoader) {
        String source = jar.toAbsolutePath().normalize().toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                LOG.warn("Skipping {}: it holds no {} file, so no template", source, SERVICE_FILE);
                return;
            }
        } catch (IOException e) {
            problems.add(source + ": is not a readable jar: " + e.getMessage());
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(PluginClassLoader.NAME_PREFIX + jar.getFileName(), jar.toUri().toURL(), hostLoader);
        } catch (MalformedURLException e) {
            problems.add(source + ": cannot be opened: " + e.getMessage());
            return;
        }
        pluginLoaders.add(loader);
        int found = 0;
        try {
            for (ServiceLoader.Provider<ContentTemplateProvider> provider
                    : ServiceLoader.load(ContentTemplateProvider.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    found++;
                    add(provider, source, HostedTemplate.Origin.JAVA_PLUGIN);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            problems.add(source + ": a template could not be loaded: " + reason(e));
            return;
        }
        if (found == 0) {
            LOG.warn("Plugin jar {} holds no template: its {} file lists no class of its own", source, SERVICE_FILE);
        }
    }

    private void add(ServiceLoader.Provider<ContentTemplateProvider> provider, String source, HostedTemplate.Origin origin) {
        String type = provider.type().getName();
        ContentTemplateProvider template;
        try {
            template = provider.get();
        } catch (ServiceConfigurationError | LinkageError | ConnectorException e) {
            problems.add("%s: template class %s could not be created: %s".formatted(source, type, reason(e)));
            return;
        }
        HostedTemplate hosted;
        try {
            hosted = describe(template, source, origin);
        } catch (InvalidInputException e) {
            problems.add("%s: template class %s has an invalid descriptor: %s".formatted(source, type, e.getMessage()));
            return;
        } catch (RuntimeException | LinkageError e) {
            problems.add("%s: template class %s could not describe itself: %s".formatted(source, type, reason(e)));
            return;
        }
        try {
            template.init(host);
        } catch (TemplateRefusedException e) {
            problems.add("%s: template %s (%s) refused to run on this connector (SPI version %d): %s"
                    .formatted(source, hosted, type, host.spiVersion(), e.getMessage()));
            return;
        } catch (RuntimeException | LinkageError e) {
            problems.add("%s: template %s (%s) failed to initialise: %s".formatted(source, hosted, type, reason(e)));
            return;
        }
        put(hosted, type);
    }

    private void put(HostedTemplate hosted, String type) {
        HostedTemplate other = loaded.putIfAbsent(hosted.id(), hosted);
        if (other != null) {
            problems.add("two templates have the id '%s': %s in %s and %s in %s; remove one of them"
                    .formatted(hosted.id(), other.implementation(), other.source(), hosted.implementation(), hosted.source()));
            return;
        }
        LOG.info("Loaded template {} version {} ({}) from {}", hosted.id(), hosted.version(), type, hosted.source());
    }

    static HostedTemplate describe(ContentTemplateProvider template, String source, HostedTemplate.Origin origin) {
        new TemplateRef(template.id(), template.version());
        List<TemplateInput> inputs = template.inputs();
        if (inputs == null) {
            throw InvalidInputException.of("inputs", "inputs() returned null; return List.of() for a template without inputs");
        }
        Set<String> seen = new HashSet<>();
        List<String> repeated = inputs.stream().map(TemplateInput::name).filter(name -> !seen.add(name)).toList();
        if (!repeated.isEmpty()) {
            throw InvalidInputException.of("inputs", "declares the input(s) %s more than once".formatted(repeated));
        }
        if (template.defaultLabels() == null || template.titlePattern() == null) {
            throw InvalidInputException.of("template", "defaultLabels() and titlePattern() must not return null");
        }
        if (template.defaultLabels().size() > Label.MAX_PER_REQUEST) {
            throw InvalidInputException.of("template", "declares %d default labels; a page takes at most %d in one publish"
                    .formatted(template.defaultLabels().size(), Label.MAX_PER_REQUEST));
        }
        template.titlePattern().ifPresent(pattern -> TitlePattern.check(pattern, inputs));
        return new HostedTemplate(template, source, origin);
    }

    void closeLoaders() {
        pluginLoaders.forEach(TemplateLoading::closeQuietly);
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the templates directory " + dir, e);
        }
    }

    private static String codeSource(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return "class path";
        }
        String path = code.getLocation().getPath();
        return path.endsWith("/") ? path : Path.of(path).getFileName().toString();
    }

    static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            reason.append(", caused by ").append(cause);
        }
        return reason.toString();
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Could not close {}", loader.getName(), e);
        }
    }
}
