package ai.askel.confluence.cli;

import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.PageBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** A page body from the command line or a file, in storage format or (with --wiki) wiki markup. */
final class BodyOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--wiki", description = "The body is wiki markup rather than storage format (XHTML).")
    boolean wiki;

    static final class Source {
        @Option(names = "--body", description = "The body itself.")
        String text;

        @Option(names = "--body-file", description = "A file holding the body (UTF-8).")
        Path file;
    }

    PageBody body() throws IOException {
        String value = source.text != null ? source.text : Files.readString(source.file);
        return new PageBody(wiki ? BodyRepresentation.WIKI : BodyRepresentation.STORAGE, value);
    }
}
