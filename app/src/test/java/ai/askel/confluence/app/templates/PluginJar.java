package ai.askel.confluence.app.templates;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real third-party template jar in a test, the way an author would: Java sources compiled
 * with the JDK's compiler against the SPI (ports and domain only, as with {@code provided} scope),
 * and a jar holding the classes and a {@code META-INF/services} file. Public for the command line's tests too.
 */
public final class PluginJar {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();

    public static PluginJar create() {
        return new PluginJar();
    }

    /** A source file in package {@code com.example.templates}: its imports and class, without the package line. */
    public PluginJar source(String className, String code) {
        sources.put(className, "package com.example.templates;\n" + code);
        return this;
    }

    /** Lists a class in the jar's META-INF/services file (it need not exist, to build a broken jar). */
    public PluginJar service(String className) {
        services.add("com.example.templates." + className);
        return this;
    }

    public Path writeTo(Path dir, String jarName) throws IOException {
        Path work = Files.createTempDirectory(dir.getParent(), "src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        if (!files.isEmpty()) {
            compile(classes, files);
        }
        Path jar = dir.resolve(jarName);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest); Stream<Path> all = Files.walk(classes)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + ContentTemplateProvider.class.getName()));
                write(out, String.join("\n", services) + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void compile(Path classes, List<String> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the tests need a JDK's compiler").isNotNull();
        String classPath = String.join(java.io.File.pathSeparator, location(ContentTemplateProvider.class),
                location(TemplateInputs.class));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-classpath", classPath,
                "-d", classes.toString()));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(status).as("compiling the test plugin: %s", errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
