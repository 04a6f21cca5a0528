package ai.askel.confluence.app.templates;

import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import ai.askel.confluence.ports.spi.TemplateInput;
import ai.askel.confluence.ports.spi.TemplateRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content templates this connector can render, loaded once at start-up with
 * {@link ServiceLoader}: the built-in templates on the connector's class path, then every
 * {@code *.jar} in the plugins directory, each in its own class loader whose parent is the
 * connector's (so a plugin sees the SPI and the domain, and two plugins never see each other).
 *
 * <p>Start-up fails, listing every problem with the jar it came from, when a template cannot be
 * loaded or instantiated, refuses this host's SPI version, declares an invalid id or version or a
 * repeated input, or shares its id with another template (both sources are named). A connector that
 * silently dropped a template would fail later and far less clearly, at the first publish.
 */
public final class TemplateRegistry implements TemplateCatalogPort {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateRegistry.class);
    private static final String SERVICE_FILE = "META-INF/services/" + ContentTemplateProvider.class.getName();

    private final Map<String, HostedTemplate> templates;

    private TemplateRegistry(Map<String, HostedTemplate> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * Loads the built-in templates and, when a plugins directory is given, the template jars in it.
     * A directory that does not exist yet, or is empty, adds nothing.
     *
     * @throws ConnectorException with {@link ErrorCode#TEMPLATE_ERROR} naming every bad template and its jar
     */
    public static TemplateRegistry load(Optional<Path> pluginsDir) {
        return load(pluginsDir, TemplateRegistry.class.getClassLoader());
    }

    static TemplateRegistry load(Optional<Path> pluginsDir, ClassLoader host) {
        Loading loading = new Loading(TemplateHostContext.current());
        loading.builtIns(host);
        pluginsDir.ifPresent(dir -> loading.pluginJars(dir, host));
        return loading.finish();
    }

    @Override
    public Optional<ContentTemplateProvider> find(String templateId) {
        return Optional.ofNullable(templates.get(templateId));
    }

    @Override
    public List<ContentTemplateProvider> all() {
        return templates.values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .map(ContentTemplateProvider.class::cast)
                .toList();
    }

    /** One start-up's worth of loading: what loaded, what went wrong, and the class loaders to close if it fails. */
    private static final class Loading {
        private final TemplateHostContext host;
        private final Map<String, HostedTemplate> loaded = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final List<URLClassLoader> pluginLoaders = new ArrayList<>();

        Loading(TemplateHostContext host) {
            this.host = host;
        }

        void builtIns(ClassLoader hostLoader) {
            try {
                ServiceLoader.load(ContentTemplateProvider.class, hostLoader).stream()
                        .forEach(provider -> add(provider, "built-in templates (" + codeSource(provider.type()) + ")"));
            } catch (ServiceConfigurationError e) {
                problems.add("a built-in template could not be loaded: " + reason(e));
            }
        }

        void pluginJars(Path dir, ClassLoader hostLoader) {
            if (!Files.exists(dir)) {
                LOG.info("Plugins directory {} does not exist: no third-party templates", dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                problems.add("the plugins directory " + dir + " is not a directory");
                return;
            }
            for (Path jar : jarsIn(dir)) {
                pluginJar(jar, hostLoader);
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
            URLClassLoader loader;
            try {
                loader = new URLClassLoader("template-plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, hostLoader);
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
                        add(provider, source);
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

        private void add(ServiceLoader.Provider<ContentTemplateProvider> provider, String source) {
            String type = provider.type().getName();
            ContentTemplateProvider template;
            try {
                template = provider.get();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add("%s: template class %s could not be created: %s".formatted(source, type, reason(e)));
                return;
            }
            HostedTemplate hosted;
            try {
                hosted = describe(template, source);
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
            HostedTemplate other = loaded.putIfAbsent(hosted.id(), hosted);
            if (other != null) {
                problems.add("two templates have the id '%s': %s in %s and %s in %s; remove one of them"
                        .formatted(hosted.id(), other.implementation(), other.source(), type, source));
                return;
            }
            LOG.info("Loaded template {} version {} ({}) from {}", hosted.id(), hosted.version(), type, source);
        }

        TemplateRegistry finish() {
            if (!problems.isEmpty()) {
                pluginLoaders.forEach(Loading::closeQuietly);
                throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "The content templates could not be loaded:\n - "
                        + String.join("\n - ", problems));
            }
            return new TemplateRegistry(loaded);
        }

        private static HostedTemplate describe(ContentTemplateProvider template, String source) {
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
            return new HostedTemplate(template, source);
        }

        private static List<Path> jarsIn(Path dir) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the plugins directory " + dir, e);
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

        private static String reason(Throwable e) {
            StringBuilder reason = new StringBuilder(e.toString());
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                reason.append(", caused by ").append(cause);
            }
            return reason.toString();
        }

        private static void closeQuietly(URLClassLoader loader) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("Could not close {}", loader.getName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return templates.values().stream().map(t -> t.id() + "@" + t.version()).sorted()
                .collect(Collectors.joining(", ", "TemplateRegistry[", "]"));
    }
}
