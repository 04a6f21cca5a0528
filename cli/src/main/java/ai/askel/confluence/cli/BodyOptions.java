package ai.askel.confluence.cli;

import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.PageBody;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * A page body from the command line or a file, in storage format or (with --wiki) wiki markup, or
 * a Markdown file, which the connector converts to storage format locally.
 */
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

        @Option(names = "--markdown-file", description = "A Markdown file (CommonMark and GFM tables), converted to storage format"
                + " locally (see docs/markdown.md).")
        Path markdown;
    }

    PageBody body() {
        if (source.markdown != null) {
            if (wiki) {
                throw new CliErrors.CliUsageException("--wiki and --markdown-file cannot be used together");
            }
            return PageBody.markdown(CliFiles.readText(source.markdown, "--markdown-file"));
        }
        String value = source.text != null ? source.text : CliFiles.readText(source.file, "--body-file");
        return new PageBody(wiki ? BodyRepresentation.WIKI : BodyRepresentation.STORAGE, value);
    }
}
