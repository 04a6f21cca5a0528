package com.example.askel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM a host imports names every published module of the build at the build's version, and pins nothing else. */
class BomTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    /** Modules that are not libraries a host would depend on. */
    private static final List<String> UNPUBLISHED = List.of("architecture-tests", "benchmarks", "bom", "examples/embedding");

    @Test
    void the_bom_pins_every_published_module_at_the_project_version() throws IOException {
        Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("../..").normalize();
        String bom = Files.readString(root.resolve("bom/pom.xml"));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));

        List<String> published = new ArrayList<>();
        Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (modules.find()) {
            if (!UNPUBLISHED.contains(modules.group(1))) {
                published.add(artifactIdOf(root.resolve(modules.group(1)).resolve("pom.xml")));
            }
        }
        List<String> pinned = new ArrayList<>();
        Matcher artifacts = ARTIFACT.matcher(managed);
        while (artifacts.find()) {
            pinned.add(artifacts.group(1));
        }

        assertThat(published).isNotEmpty();
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(published);
        assertThat(bom).doesNotContain("<parent>");
        assertThat(managed.split("<version>\\$\\{project.version}</version>", -1)).hasSize(pinned.size() + 1);
    }

    /** The module's own artifactId: the first one after its parent block. */
    private static String artifactIdOf(Path pom) throws IOException {
        String text = Files.readString(pom);
        int afterParent = text.contains("</parent>") ? text.indexOf("</parent>") : 0;
        Matcher m = ARTIFACT.matcher(text);
        if (!m.find(afterParent)) {
            throw new AssertionError("no artifactId in " + pom);
        }
        return m.group(1);
    }
}
