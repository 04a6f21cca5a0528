package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.adapter.http.HttpServerSettings;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.TemplateDescriptor;
import ai.askel.confluence.ports.out.AttachmentUpload;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The publish form (generated from the template's inputs), its preview (a dry run) and the publish itself. */
final class PublishPages implements WebConsole.Section {
    private static final Set<String> DRIFT_POLICIES = Set.of("fail", "overwrite", "skip");

    private final ListConnectionsUseCase connections;
    private final ListTemplatesUseCase templates;
    private final PublishRunbookUseCase publish;
    private final GetRunbookUseCase runbooks;
    private final ChooseDefaultSpaceUseCase defaults;
    private final StagedDiagrams staging;

    @Inject
    PublishPages(ListConnectionsUseCase connections, ListTemplatesUseCase templates, PublishRunbookUseCase publish,
                 GetRunbookUseCase runbooks, ChooseDefaultSpaceUseCase defaults, HttpServerSettings server) {
        // staged files go where the server spills uploads (the operator's choice of disk), else the JVM's temp directory
        this.staging = new StagedDiagrams(server.uploadDirectory().filter(Files::isDirectory)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"))));
        this.connections = connections;
        this.templates = templates;
        this.publish = publish;
        this.runbooks = runbooks;
        this.defaults = defaults;
    }

    record Choice(String value, String label, boolean selected) {
    }

    /** What the form holds: where, which template, its fields, and what to write around it. */
    record PublishModel(List<Choice> connections, List<Choice> templates, String connection, String template, String space,
                        String title, String parentTitle, String labels, String onDrift, List<TemplateForm.Field> fields,
                        Optional<StagedView> stagedDiagram, Optional<PreviewView> preview, Optional<OutcomeView> outcome,
                        Optional<Explain.Problem> problem) {
    }

    /** A diagram kept from a preview: the token the form sends back to use it, its name, and what it was previewed for. */
    record StagedView(String token, String fileName, String previewedFor) {
    }

    record PreviewView(String action, List<String> steps, String html, String storage) {
    }

    record OutcomeView(String outcome, String headline, List<String> steps, Optional<String> link, String version) {
    }

    @Override
    public void register(WebConsole console) {
        console.get("/publish", WebConsole.Access.WRITE, this::form);
        console.post("/publish", WebConsole.Access.WRITE, this::submit);
    }

    private void form(ConsoleRequest r) {
        List<Connection> all = connections.list(r.session().caller().workspace());
        // a runbook published from a supplied body cannot be republished here: its body is not stored, only its hash
        Optional<RunbookSource.Template> source = r.param("runbook").flatMap(id -> r.param("connection")
                .map(c -> runbooks.get(r.ref(c), RunbookId.of(id)))).flatMap(PublishPages::templateSource);
        Optional<Runbook> runbook = source.isEmpty() ? Optional.empty() : r.param("runbook").flatMap(id -> r.param("connection")
                .map(c -> runbooks.get(r.ref(c), RunbookId.of(id))));
        String connection = r.param("connection").or(() -> all.stream().findFirst().map(c -> c.id().value())).orElse("");
        List<TemplateDescriptor> available = templates.list();
        String template = source.map(t -> t.template().id()).or(() -> r.param("template"))
                .or(() -> available.stream().findFirst().map(TemplateDescriptor::id)).orElse("");
        Optional<TemplateDescriptor> descriptor = available.stream().filter(t -> t.id().equals(template)).findFirst();
        String space = runbook.map(rb -> rb.space().value())
                .or(() -> connection.isEmpty() ? Optional.empty() : defaults.defaultSpace(r.ref(connection)).map(SpaceKey::value)).orElse("");
        PublishModel model = new PublishModel(choices(all, connection), templateChoices(available, template), connection, template, space,
                runbook.map(rb -> rb.title().value()).orElse(""),
                runbook.map(rb -> rb.parentTitle().value()).orElse(PublishRunbookCommand.DEFAULT_PARENT_TITLE.value()),
                labels(runbook.map(Runbook::labels).orElse(PublishRunbookCommand.DEFAULT_LABELS)),
                r.param("onDrift").filter(DRIFT_POLICIES::contains).orElse("fail"),
                descriptor.map(d -> TemplateForm.fields(d, source.map(RunbookSource.Template::inputs).orElse(TemplateInputs.empty())))
                        .orElse(List.of()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        r.render("publish", "Publish a runbook", "publish", model);
    }

    private void submit(ConsoleRequest r) {
        List<Connection> all = connections.list(r.session().caller().workspace());
        List<TemplateDescriptor> available = templates.list();
        String connection = r.param("connection").orElse("");
        String template = r.param("template").orElse("");
        TemplateDescriptor descriptor = available.stream().filter(t -> t.id().equals(template)).findFirst()
                .orElseThrow(() -> InvalidInputException.of("template", "pick one of the templates listed"));
        boolean dryRun = !"publish".equals(r.param("action").orElse("preview"));
        String space = r.param("space").orElse("");
        String title = r.param("title").orElse("");
        String parent = r.param("parentTitle").orElse("");
        String labelText = r.param("labels").orElse("");
        String onDrift = r.param("onDrift").orElse("fail");
        List<TemplateForm.Field> fields = TemplateForm.fields(descriptor, TemplateInputs.empty());
        StagedFile.Target target = new StagedFile.Target(connection, space, title);
        Optional<StagedFile> diagram = staging.kept(r);
        try {
            diagram = staging.forThisForm(r, target, all);
            TemplateInputs inputs = TemplateForm.read(descriptor, name -> r.params(name));
            fields = TemplateForm.fields(descriptor, inputs);
            inputs = withDiagramName(descriptor, inputs, diagram);
            if (connection.isEmpty()) {
                throw InvalidInputException.of("connection", "pick the connection to publish through (connect a site first)");
            }
            if (space.isEmpty() || title.isEmpty()) {
                throw InvalidInputException.of(space.isEmpty() ? "space" : "title", "is required");
            }
            ConnectionRef ref = r.ref(connection);
            PublishRunbookCommand command = new PublishRunbookCommand(ref, SpaceKey.of(space),
                    parent.isEmpty() ? Optional.empty() : Optional.of(Title.of(parent)), Title.of(title), template, inputs,
                    Optional.of(parseLabels(labelText)), diagram.map(PublishPages::upload).stream().toList(),
                    DriftPolicy.parse(onDrift), dryRun);
            PublishResult result = publish.publish(command);
            if (!dryRun) {
                diagram.ifPresent(d -> r.session().unstage(d.token()));
                diagram = Optional.empty();
            }
            Optional<PreviewView> preview = dryRun ? Optional.of(new PreviewView(result.plan().action().name().toLowerCase(java.util.Locale.ROOT),
                    steps(result), StoragePreview.toHtml(result.plan().renderedBody()), result.plan().renderedBody())) : Optional.empty();
            Optional<OutcomeView> outcome = dryRun ? Optional.empty() : Optional.of(outcome(result, title));
            r.render("publish", "Publish a runbook", "publish", new PublishModel(choices(all, connection), templateChoices(available, template),
                    connection, template, space, title, parent, labelText, onDrift, fields, diagram.map(d -> StagedDiagrams.view(d, all)),
                    preview, outcome, Optional.empty()));
        } catch (ConnectorException e) {
            // a file kept for this form stays kept (and named), so the user can fix the form and send it again
            Optional<StagedView> kept = diagram.filter(d -> r.session().staged(d.token()).isPresent())
                    .map(d -> StagedDiagrams.view(d, all));
            r.ctx().status(Explain.of(e).status());
            r.render("publish", "Publish a runbook", "publish", new PublishModel(choices(all, connection), templateChoices(available, template),
                    connection, template, space, title, parent, labelText, onDrift, fields, kept,
                    Optional.empty(), Optional.empty(), Optional.of(Explain.of(e))));
        }
    }

    /** The template and inputs a runbook was rendered from, unless it was published from a supplied body. */
    static Optional<RunbookSource.Template> templateSource(Runbook runbook) {
        return runbook.source() instanceof RunbookSource.Template template ? Optional.of(template) : Optional.empty();
    }

    private static AttachmentUpload upload(StagedFile file) {
        return new AttachmentUpload(file.fileName(), file.mediaType(), file.size(), () -> Files.newInputStream(file.path()),
                Optional.empty(), true);
    }

    /** A template input named like a diagram, left blank, names the uploaded diagram file. */
    private static TemplateInputs withDiagramName(TemplateDescriptor template, TemplateInputs inputs, Optional<StagedFile> diagram) {
        if (diagram.isEmpty()) {
            return inputs;
        }
        Optional<String> input = template.inputs().stream().map(i -> i.name())
                .filter(n -> n.toLowerCase(java.util.Locale.ROOT).contains("diagram") && inputs.get(n).isEmpty()).findFirst();
        if (input.isEmpty()) {
            return inputs;
        }
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>(inputs.values());
        values.put(input.get(), diagram.get().fileName());
        return new TemplateInputs(values);
    }

    static List<String> steps(PublishResult result) {
        List<String> steps = new ArrayList<>();
        var plan = result.plan();
        if (plan.createParent()) {
            steps.add("create the parent page");
        }
        steps.add(switch (plan.action()) {
            case CREATE -> "create the page";
            case UPDATE -> "update the page (a new version)";
            case NO_OP -> "leave the page as it is: its content is unchanged";
        });
        if (!plan.labelsToAdd().isEmpty()) {
            steps.add("add the labels " + plan.labelsToAdd().stream().map(Label::name).sorted().collect(Collectors.joining(", ")));
        }
        plan.attachmentsToUpload().forEach(a -> steps.add("attach " + a));
        return steps;
    }

    private static OutcomeView outcome(PublishResult result, String title) {
        String outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        String headline = switch (result.outcome()) {
            case CREATED -> "Created \u201c" + title + "\u201d.";
            case UPDATED -> "Updated \u201c" + title + "\u201d.";
            case UNCHANGED -> "\u201c" + title + "\u201d is unchanged: nothing was written.";
            case SKIPPED -> "Skipped: the page was edited in Confluence, and the drift policy said to leave it.";
            case PLANNED -> "Planned.";
        };
        List<String> steps = new ArrayList<>(steps(result));
        if (!result.driftOverridden().isEmpty()) {
            steps.add("overwrote a hand edit (" + result.driftOverridden().size() + " drift finding" + (result.driftOverridden().size() == 1 ? "" : "s") + ")");
        }
        return new OutcomeView(outcome, headline, steps, result.webUrl(), result.version().map(v -> Integer.toString(v.number())).orElse(""));
    }

    private static List<Choice> choices(List<Connection> all, String selected) {
        return all.stream().map(c -> new Choice(c.id().value(), c.name() + " \u2014 " + c.site().origin(), c.id().value().equals(selected))).toList();
    }

    private static List<Choice> templateChoices(List<TemplateDescriptor> all, String selected) {
        return all.stream().map(t -> new Choice(t.id(), t.name() + " (" + t.version() + ")", t.id().equals(selected))).toList();
    }

    static String labels(Set<Label> labels) {
        return labels.stream().map(Label::name).sorted().collect(Collectors.joining(", "));
    }

    private static Set<Label> parseLabels(String text) {
        Set<Label> labels = new LinkedHashSet<>();
        Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).map(Label::of).forEach(labels::add);
        Label.checkCount(labels.size());
        return labels;
    }
}
