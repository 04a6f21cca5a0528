package ai.askel.confluence.cli;

import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.templates.StoragePreview;
import ai.askel.confluence.app.templates.TemplateCheck;
import ai.askel.confluence.app.templates.TemplateRegistry;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.TemplateFailedException;
import ai.askel.confluence.plugins.declarative.DeclarativeTemplates;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "templates", description = {"Lists the content templates loaded (built in and from the plugins directory);"
        + " previews and checks templates.",
        "--json: as GET /api/v1/templates: [{id, version, name, description, inputs: [{name, type, required, description,"
                + " example, columns}], defaultLabels}]."},
        subcommands = {TemplatesCommand.Preview.class, TemplatesCommand.Check.class})
final class TemplatesCommand extends ConnectorCommand {

    @Override
    protected int execute() throws Exception {
        return printed(askel -> {
            List<TemplateDescriptor> templates = askel.listTemplates().list();
            return new Printed(templates.stream().map(Views::template).toList(), templates.stream()
                    .map(t -> t.id() + " " + t.version() + " - " + t.name() + "\n" + t.inputs().stream()
                            .map(i -> "    " + i.name() + " (" + i.type().descriptorName() + (i.columns().isEmpty() ? "" : " of " + String.join(", ", i.columns()))
                                    + (i.required() ? ", required" : "") + "): " + i.description())
                            .collect(Collectors.joining("\n")))
                    .collect(Collectors.joining("\n")));
        });
    }

    static Optional<Map<String, Object>> readInputs(Path file) {
        return Optional.ofNullable(file).map(f -> CliFiles.readJsonObject(f, "--inputs"));
    }

    @Command(name = "preview", description = {"Renders a template locally, without Confluence: validates the inputs, prints the"
            + " storage format, and with --html writes an HTML approximation of the page.",
            "--json: {template, valid: true, title, body}, or {template, valid: false, problems: [...]}."})
    static final class Preview extends ConnectorCommand {
        @Parameters(index = "0", paramLabel = "ID_OR_DIR", description = "A loaded template's id, or a declarative template's folder or zip.")
        String template;

        @Option(names = {"--inputs", "--inputs-file"}, paramLabel = "JSON", description = "The inputs as a JSON object (default: the declared examples).")
        Path inputsFile;

        @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML approximation of the page to this file.")
        Path html;

        @Option(names = "--attached", paramLabel = "FILE_NAME", description = "Render as if this file were attached (repeatable).")
        List<String> attached = List.of();

        @Option(names = "--title", description = "The page title to render with (default: the template's suggested title).")
        String title;

        @Override
        protected int execute() throws Exception {
            ContentTemplateProvider hosted = TemplateCheck.forPreview(resolve(template));
            Map<String, Object> values = readInputs(inputsFile).orElseGet(() -> examples(hosted));
            TemplateInputs inputs = new TemplateInputs(values);
            String pageTitle = Optional.ofNullable(title).or(() -> TemplateRegistry.suggestedTitle(hosted, inputs)).orElse("Preview");
            String body;
            try {
                body = hosted.render(inputs, new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION, Title.of(pageTitle),
                        SpaceKey.of("PREVIEW"), attached));
            } catch (InvalidInputException e) {
                List<String> problems = e.problems().stream().map(Object::toString).toList();
                out().result(Map.of("template", hosted.id(), "valid", false, "problems", problems),
                        "input validation: %d problem(s)\n  %s".formatted(problems.size(), String.join("\n  ", problems)));
                return 1;
            } catch (TemplateFailedException e) {
                // the template's author is at the keyboard: the template's own failure in full, in the one error line (with
                // the line of a plugin's code that threw), not under a reference to a log; nothing is logged
                throw new ConnectorException(e.code(), TemplateCheck.forAuthorInOneLine(e), null, e.getCause());
            }
            if (html != null) {
                Files.writeString(html, StoragePreview.toHtml(pageTitle, body));
            }
            out().result(Map.of("template", hosted.id(), "valid", true, "title", pageTitle, "body", body),
                    "input validation: ok\ntitle: " + pageTitle + (html == null ? "" : "\nHTML preview: " + html) + "\n\n" + body);
            return 0;
        }

        private ContentTemplateProvider resolve(String idOrDir) {
            Path path = Path.of(idOrDir);
            if (Files.exists(path)) {
                return DeclarativeTemplates.load(path);
            }
            return TemplateRegistry.load(config(Map.of()).optional(Setting.PLUGINS_DIR).map(Path::of)).find(idOrDir)
                    .orElseThrow(() -> new CliErrors.CliUsageException("no template '%s' is loaded, and no such folder exists".formatted(idOrDir)));
        }

        private static Map<String, Object> examples(ContentTemplateProvider template) {
            return TemplateCheck.exampleInputs(template.inputs());
        }
    }

    @Command(name = "check", description = {"Checks a declarative template folder or zip: the descriptor, the body, the sample inputs,"
            + " determinism, and hostile inputs fuzzed through every input. Exits 1 on any problem.",
            "--json: {template, ok, passed: [...], problems: [...]}."})
    static final class Check extends ConnectorCommand {
        @Parameters(index = "0", paramLabel = "DIR", description = "The template's folder (or zip).")
        Path directory;

        @Option(names = {"--inputs", "--inputs-file"}, paramLabel = "JSON", description = "Sample inputs (default: the declared examples).")
        Path inputsFile;

        @Option(names = "--rounds", defaultValue = "200", description = "Rounds of hostile inputs (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        protected int execute() throws Exception {
            if (rounds < 0 || rounds > 10_000) {
                throw new CliErrors.CliUsageException("--rounds must be between 0 and 10000");
            }
            TemplateCheck.Report report = TemplateCheck.directory(directory, readInputs(inputsFile), rounds);
            String text = report.passed().stream().map(line -> "ok    " + line).collect(Collectors.joining("\n"))
                    + (report.passed().isEmpty() || report.problems().isEmpty() ? "" : "\n")
                    + report.problems().stream().map(line -> "FAIL  " + line).collect(Collectors.joining("\n"));
            out().result(Map.of("template", report.template(), "ok", report.ok(), "passed", report.passed(), "problems", report.problems()),
                    text);
            return report.ok() ? 0 : 1;
        }
    }
}
