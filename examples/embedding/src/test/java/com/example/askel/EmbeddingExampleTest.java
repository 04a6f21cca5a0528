package com.example.askel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of docs/embedding.md runs against the sandbox, and the doc shows exactly its code. */
class EmbeddingExampleTest {
    private static final String BEGIN = "// tag::embedding[]\n";
    private static final String END = "// end::embedding[]";

    @Test
    void the_example_registers_a_site_creates_a_page_and_reads_it_back(@TempDir Path dataDir) {
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().start()) {
            Page page = EmbeddingExample.createAndReadBack(dataDir, sandbox.baseUrl(), "ada@example.com", "ada-token");

            assertThat(page.title().value()).isEqualTo("Hello from our backend");
            assertThat(page.body().value()).isEqualTo("<p>Written by an embedded Askel Confluence connector.</p>");
            assertThat(page.labels()).containsExactly(Label.of("embedded"));
            assertThat(sandbox.findPageId("INFRA", "Hello from our backend")).hasValue(page.id().toString());
        }
    }

    @Test
    void docs_embedding_md_and_the_readme_show_exactly_the_code_of_the_example() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        String source = Files.readString(module.resolve("src/main/java/com/example/askel/EmbeddingExample.java"));

        assertThat(embeddingBlocks(Files.readString(module.resolve("../../docs/embedding.md")))).as("docs/embedding.md shows the example")
                .containsExactly(region(source, "embedding"));
        assertThat(embeddingBlocks(Files.readString(module.resolve("../../README.md")))).as("the README shows the heart of the example")
                .containsExactly(region(source, "readme"));
    }

    /** The lines between {@code // tag::NAME[]} and {@code // end::NAME[]}, without nested tag lines, indentation removed. */
    static String region(String source, String name) {
        String begin = "// tag::" + name + "[]";
        String end = "// end::" + name + "[]";
        List<String> lines = source.lines().toList();
        int from = indexOf(lines, begin) + 1;
        int to = indexOf(lines, end);
        List<String> body = lines.subList(from, to).stream().filter(l -> !l.strip().matches("// (tag|end)::[a-z]+\\[]")).toList();
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        body.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("EmbeddingExample.java has no line " + marker);
    }

    /** The ```java blocks that build an AskelConfluence. */
    private static List<String> embeddingBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String fence = "```java\n";
        for (int start = markdown.indexOf(fence); start >= 0; start = markdown.indexOf(fence, start + 1)) {
            int from = start + fence.length();
            String block = markdown.substring(from, markdown.indexOf("```", from));
            if (block.contains("AskelConfluence.builder()")) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
