package com.example.askel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What depending on {@code app} brings into a host: the runtime class path Maven resolved for this project (written by
 * the dependency plugin before the tests) holds none of the executable's or the sandbox's libraries, neither as
 * artifacts nor as classes shaded into another jar.
 */
class EmbeddedDependenciesTest {
    /** Package prefixes (as class-file paths) that must not reach a host: logging backend, web server, CLI, sandbox. */
    private static final List<String> FORBIDDEN_CLASSES = List.of("ch/qos/logback/", "org/eclipse/jetty/", "io/javalin/", "picocli/",
            "ai/askel/confluence/sandbox/", "ai/askel/confluence/cli/");
    private static final List<String> FORBIDDEN_ARTIFACTS = List.of("ch.qos.logback:", "org.eclipse.jetty", "io.javalin:", "info.picocli:",
            "ai.askel.confluence:confluence-sandbox", "ai.askel.confluence:cli", "ai.askel.confluence:adapter-http");

    private static Path target() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("target");
    }

    @Test
    void the_resolved_runtime_dependencies_have_no_logging_backend_web_server_cli_or_sandbox() throws IOException {
        List<String> dependencies = Files.readAllLines(target().resolve("runtime-dependencies.txt")).stream()
                .map(String::strip).filter(l -> l.contains(":")).toList();

        assertThat(dependencies).as("app itself is there").anyMatch(d -> d.startsWith("ai.askel.confluence:app:jar"));
        assertThat(dependencies).as("slf4j-api, the only logging app needs").anyMatch(d -> d.startsWith("org.slf4j:slf4j-api:"));
        for (String forbidden : FORBIDDEN_ARTIFACTS) {
            assertThat(dependencies).as("no " + forbidden).noneMatch(d -> d.startsWith(forbidden));
        }
    }

    @Test
    void no_class_on_the_runtime_class_path_belongs_to_logback_jetty_javalin_picocli_or_the_sandbox() throws IOException {
        String classPath = Files.readString(target().resolve("runtime-class-path.txt")).strip();
        List<String> offending = new ArrayList<>();
        int scanned = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            for (String name : classFiles(path)) {
                scanned++;
                FORBIDDEN_CLASSES.stream().filter(name::startsWith).findFirst().ifPresent(f -> offending.add(path.getFileName() + "!" + name));
            }
        }

        assertThat(scanned).as("the class path was read").isGreaterThan(1000);
        assertThat(offending).as("classes a host must not get from app").isEmpty();
    }

    private static List<String> classFiles(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                return files.filter(f -> f.toString().endsWith(".class")).map(f -> entry.relativize(f).toString().replace('\\', '/')).toList();
            }
        }
        if (!Files.isRegularFile(entry)) {
            return List.of();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
        }
    }
}
