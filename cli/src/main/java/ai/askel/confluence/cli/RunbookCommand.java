package ai.askel.confluence.cli;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.domain.PublishSource;
import ai.askel.confluence.domain.BodyRepresentation;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runbook", description = "Publishes runbook pages from a template or a body you compiled, idempotently.",
        subcommands = {RunbookCommand.Publish.class, PublishBatchCommand.class, RunbookCommand.Get.class})
final class RunbookCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "publish", description = {"Creates the runbook page, updates it if the content changed, or does nothing if not.",
        "--json: {id, pageId, version, outcome, webUrl, plan {action, createParent, labelsToAdd, attachmentsToUpload}}."})
    static final class Publish extends ConnectorCommand {

        @Mixin
        ConnectionOption connection;

        @Option(names = "--space", required = true)
        String space;

        @Option(names = "--title", required = true, description = "The page title (the environment's name).")
        String title;

        @Option(names = "--template", description = "The template to render (default: customer-environment-runbook).")
        String template;

        @Option(names = "--body-file", paramLabel = "FILE",
                description = "Publish this body (storage format; wiki markup with --wiki) instead of rendering a template.")
        Path bodyFile;

        @Option(names = "--wiki", description = "The --body-file holds wiki markup rather than storage format (XHTML).")
        boolean wiki;

        @Option(names = "--parent-title", description = "Default: Customer Environments.")
        String parentTitle;

        @Option(names = "--inputs-file", paramLabel = "JSON", description = "The template's inputs as a JSON object.")
        Path inputsFile;

        @Option(names = "--input", paramLabel = "NAME=VALUE", description = "A text input (repeatable); overrides --inputs-file.")
        Map<String, String> inputs = new LinkedHashMap<>();

        @Option(names = "--label", description = "A label (repeatable); default: auto-generated, customer-runbook.")
        List<String> labels;

        @Option(names = "--attach", paramLabel = "FILE", description = "A file to attach (repeatable).")
        List<Path> attachments = List.of();

        @Option(names = "--on-drift", defaultValue = "fail", description = "When the page was edited in Confluence: fail, overwrite or skip.")
        String onDrift;

        @Option(names = "--dry-run", description = "Show the plan and the rendered body; write nothing.")
        boolean dryRun;

        @Override
        protected int execute() throws Exception {
            Map<String, Object> values = new LinkedHashMap<>();
            if (inputsFile != null) {
                values.putAll(CliFiles.readJsonObject(inputsFile, "--inputs-file"));
            }
            values.putAll(inputs);
            PublishSource source = source(values);
            List<AttachmentUpload> uploads = attachments.stream().map(Publish::upload).toList();
            return printed(askel -> {
                PublishResult result = askel.publishRunbook().publish(new PublishRunbookCommand(connection(askel, connection.value),
                        SpaceKey.of(space), Optional.ofNullable(parentTitle).map(Title::of), Title.of(title), source,
                        Optional.ofNullable(labels).map(l -> l.stream().map(Label::of).collect(Collectors.toSet())),
                        uploads, DriftPolicy.parse(onDrift), dryRun));
                String text = result.outcome() + result.runbook().map(id -> ": runbook " + id).orElse(": a runbook not stored yet")
                        + result.pageId().map(p -> ", page " + p).orElse("")
                        + result.version().map(v -> " version " + v).orElse("")
                        + result.webUrl().map(u -> "\n" + u).orElse("")
                        + (dryRun ? "\nplan: " + result.plan().action() + (result.plan().createParent() ? " (and create the parent)" : "")
                                + ", labels to add " + Views.labels(result.plan().labelsToAdd()) + ", attachments to upload "
                                + result.plan().attachmentsToUpload() + "\n\n" + result.plan().renderedBody() : "");
                return new Printed(Views.publish(result), text);
            });
        }

        private PublishSource source(Map<String, Object> values) {
            if (bodyFile == null) {
                if (wiki) {
                    throw new CliErrors.CliUsageException("--wiki describes a --body-file; a template renders storage format");
                }
                return new PublishSource.FromTemplate(template == null ? "customer-environment-runbook" : template, new TemplateInputs(values));
            }
            if (template != null || !values.isEmpty()) {
                throw new CliErrors.CliUsageException("--body-file publishes a body you compiled; it cannot be combined with --template or inputs");
            }
            return new PublishSource.Supplied(new PageBody(wiki ? BodyRepresentation.WIKI : BodyRepresentation.STORAGE,
                    CliFiles.readText(bodyFile, "--body-file")));
        }

        private static AttachmentUpload upload(Path file) {
            try {
                if (!Files.isRegularFile(file)) {
                    throw new CliErrors.CliUsageException(file + " is not a file");
                }
                String type = Optional.ofNullable(Files.probeContentType(file)).orElse("application/octet-stream");
                return new AttachmentUpload(file.getFileName().toString(), type, Files.size(file), () -> Files.newInputStream(file),
                        Optional.empty(), true);
            } catch (IOException e) {
                throw new CliErrors.CliUsageException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "get", description = {"Shows a stored runbook: its page, version and status.",
        "--json: {id, title, spaceKey, parentTitle, template, templateVersion, status, pageId, version, labels}."})
    static final class Get extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(paramLabel = "RUNBOOK_ID")
        String runbookId;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Runbook r = askel.getRunbook().get(connection(askel, connection.value), RunbookId.of(runbookId));
                return new Printed(Views.runbook(r), r.id() + "  \"" + r.title() + "\" in " + r.space() + "  " + r.status()
                        + r.pageId().map(p -> "  page " + p).orElse("") + "  from " + r.source().describe());
            });
        }
    }
}
