package ai.askel.confluence.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void docs_embedding_md_shows_exactly_the_code_of_the_example() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        String source = Files.readString(module.resolve("src/test/java/ai/askel/confluence/app/EmbeddingExample.java"));
        String region = source.substring(source.indexOf(BEGIN) + BEGIN.length(), source.indexOf(END));
        String doc = Files.readString(module.resolve("../docs/embedding.md"));
        String fence = "```java\n";
        int start = doc.indexOf(fence);
        assertThat(start).as("docs/embedding.md has a ```java block").isNotNegative();
        String block = doc.substring(start + fence.length(), doc.indexOf("```", start + fence.length()));

        assertThat(block).isEqualTo(region);
    }
}
