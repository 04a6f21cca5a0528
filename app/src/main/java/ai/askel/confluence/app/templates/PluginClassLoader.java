package ai.askel.confluence.app.templates;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one template jar. Its parent is the platform class loader, so the jar sees
 * the JDK; of the connector it sees only the template SPI and the domain (the packages below),
 * which it gets from the connector's own loader so both sides share those classes. Everything else
 * on the connector's class path (Jackson, H2, Feign, the app itself) is invisible to it, as is every
 * other plugin jar. A template that needs a library shades it into its own jar.
 */
final class PluginClassLoader extends URLClassLoader {
    /** The packages a plugin shares with the host: the SPI and the domain types it hands templates. */
    static final List<String> SHARED_PACKAGES = List.of("ai.askel.confluence.ports.spi.", "ai.askel.confluence.domain.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** How a plugin jar's loader is named, before the jar's file name; a stack frame of a plugin's own class carries it. */
    static final String NAME_PREFIX = "template-plugin:";

    private final ClassLoader host;

    PluginClassLoader(String name, URL jar, ClassLoader host) {
        super(name, new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isSharedResource(name) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isSharedResource(name) ? host.getResources(name) : super.getResources(name);
    }

    static boolean isShared(String className) {
        return SHARED_PACKAGES.stream().anyMatch(className::startsWith);
    }

    /** Class files of the shared packages, read as resources (never service files: a jar lists only its own templates). */
    private static boolean isSharedResource(String name) {
        return name.endsWith(".class") && isShared(name.replace('/', '.'));
    }
}
