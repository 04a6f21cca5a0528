package ai.askel.confluence.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Atlassian's Confluence Cloud OpenAPI documents, read from this module's class path (see its README). */
public enum ConfluenceSpecs {
    /** The v1 REST API: CQL search, label writes, attachment upload. */
    V1("confluence-cloud-v1.swagger.v3.json"),
    /** The v2 REST API: spaces, pages, attachments listing. */
    V2("confluence-cloud-v2.openapi-v2.v3.json");

    private final String fileName;

    ConfluenceSpecs(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The document's bytes exactly as stored. */
    public byte[] bytes() {
        try (InputStream in = ConfluenceSpecs.class.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as text, for an OpenAPI parser. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public static List<ConfluenceSpecs> all() {
        return List.of(values());
    }
}
