package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.RequestLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * The seed story, end to end, against a local Confluence sandbox: verify credentials, list spaces,
 * pick INFRA, find or create "Customer Environments", render and publish the "Crestview Production"
 * runbook with its architecture diagram and labels; then publish again to show nothing is duplicated.
 */
@Command(name = "demo", description = {"Runs the runbook seed story against a local Confluence sandbox, twice.",
        "--json: {sandbox, connectionId, first {id, pageId, version, outcome, webUrl, plan {action, createParent, labelsToAdd, attachmentsToUpload}}, second (the same), pagesWithTitle}."})
final class DemoCommand extends ConnectorCommand {
    static final String RUNBOOK_TITLE = SampleRunbook.ENVIRONMENT;
    static final String DIAGRAM = SampleRunbook.DIAGRAM;

    /** What each Confluence call is for, in the seed story's words. */
    private static final Map<String, String> WHAT = Map.of(
            "GET /wiki/rest/api/user/current", "who am I: the token works, and whose it is",
            "GET /wiki/api/v2/spaces", "the spaces the user can see",
            "GET /wiki/api/v2/pages", "find a page by exact title in the space",
            "POST /wiki/api/v2/pages", "create a page",
            "GET /wiki/api/v2/pages/{id}", "read the page: version, labels, body",
            "PUT /wiki/api/v2/pages/{id}", "write the page's next version",
            "GET /wiki/api/v2/pages/{id}/labels", "read the page's labels",
            "POST /wiki/rest/api/content/{id}/label", "add the labels, all in one call",
            "POST /wiki/rest/api/content/{id}/child/attachment", "attach the diagram (create only: never a second copy)",
            "PUT /wiki/rest/api/content/{id}/child/attachment", "upload a new version of the diagram");

    @Override
    protected int execute() throws IOException {
        Output out = out();
        Path dataDir = Files.createTempDirectory("askel-demo-");
        try (ConfluenceSandbox sandbox = ConfluenceSandbox.builder().port(0).demoData().start();
             AskelConfluence askel = AskelConfluence.from(config(Map.of(Setting.DATA_DIR, dataDir.toString(),
                     Setting.ALLOWED_SITE_ORIGINS, sandbox.baseUrl(), Setting.DATABASE_URL, "")))) {
            RequestLog log = sandbox.requestLog();
            out.line("Askel Confluence Connector demo");
            out.line("A local Confluence sandbox is running at " + sandbox.baseUrl() + "/wiki (site user ada@example.com).");
            out.line("");

            Connection connection = step(out, log, "1. Verify the customer's credentials (email + API token)",
                    () -> askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, "crestview-confluence",
                            sandbox.baseUrl(), "ada@example.com", Secret.of("ada-token", "apiToken"), Optional.empty(), Optional.empty())),
                    c -> "connected as account " + c.accountId().orElse("?") + "; the token is stored encrypted");
            ConnectionRef ref = askel.defaultWorkspace().connection(connection.id());

            Slice<Space> spaces = step(out, log, "2. List the spaces the user can see",
                    () -> askel.listSpaces().listSpaces(ref, 25, Optional.empty()),
                    s -> s.items().stream().map(sp -> sp.key() + " (" + sp.name() + ")").collect(Collectors.joining(", ")));
            Space infra = spaces.items().stream().filter(s -> s.key().value().equals("INFRA")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the sandbox has no INFRA space"));
            out.line("3. Pick space INFRA (id " + infra.id() + ")");
            out.line("");

            byte[] diagram = ArchitectureDiagram.png();
            PublishRunbookCommand publish = new PublishRunbookCommand(ref, SpaceKey.of("INFRA"), Optional.empty(), Title.of(RUNBOOK_TITLE),
                    "customer-environment-runbook", SampleRunbook.inputs(RUNBOOK_TITLE, "The reporting database is read-only during the maintenance window."), Optional.empty(),
                    List.of(new AttachmentUpload(DIAGRAM, "image/png", diagram.length, () -> new ByteArrayInputStream(diagram),
                            Optional.of("Architecture of Crestview Production"), true)),
                    DriftPolicy.FAIL, false);

            PublishResult first = step(out, log,
                    "4. Publish the runbook: find or create \"Customer Environments\", render \"" + RUNBOOK_TITLE
                            + "\", create the page, attach the diagram, add the labels",
                    () -> askel.publishRunbook().publish(publish),
                    r -> r.outcome() + ": page " + r.pageId().map(Object::toString).orElse("?") + " at version "
                            + r.version().map(Object::toString).orElse("?") + ", rendered from customer-environment-runbook ("
                            + r.plan().renderedBody().length() / 1024 + " KiB of storage format)"
                            + (r.plan().createParent() ? "; \"Customer Environments\" was created" : ""));
            PublishResult second = step(out, log, "5. Publish it again with the same inputs",
                    () -> askel.publishRunbook().publish(publish),
                    r -> r.outcome() + ": page " + r.pageId().map(Object::toString).orElse("?") + " still at version "
                            + r.version().map(Object::toString).orElse("?"));

            List<PageSummary> titled;
            try (Stream<PageSummary> found = askel.searchPages().searchAll(ref,
                    CqlQuery.builder().type("page").space(SpaceKey.of("INFRA")).titleEquals(RUNBOOK_TITLE).build())) {
                titled = found.toList();
            }
            String labels = askel.readPage().read(ref, first.pageId().orElseThrow()).labels().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            out.line("6. Check: " + titled.size() + " page titled \"" + RUNBOOK_TITLE + "\" in INFRA; labels: " + labels);
            out.line("");
            out.line("Runbook page: " + first.webUrl().orElse("(no URL)"));
            boolean ok = titled.size() == 1 && second.pageId().equals(first.pageId());
            out.line(ok ? "Done: running the flow twice made one page." : "PROBLEM: the second run did not find the first page.");

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sandbox", sandbox.baseUrl());
            summary.put("connectionId", connection.id().value());
            summary.put("first", Views.publish(first));
            summary.put("second", Views.publish(second));
            summary.put("pagesWithTitle", titled.size());
            if (out.isJson()) {
                out.result(summary, "");
            }
            return ok ? 0 : CliErrors.FAILED;
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static <T> T step(Output out, RequestLog log, String title, Supplier<T> action, java.util.function.Function<T, String> describe) {
        log.reset();
        out.line(title);
        T result = action.get();
        List<RequestLog.Entry> calls = log.recent();
        out.line("   -> " + describe.apply(result));
        long writes = calls.stream().filter(c -> !c.method().equals("GET")).count();
        out.line("   Confluence calls: " + calls.size() + " (" + writes + " writes)");
        for (RequestLog.Entry call : calls) {
            out.line("     %d  %-52s %s".formatted(call.status(), call.endpoint(), WHAT.getOrDefault(call.endpoint(), "")));
        }
        out.line("");
        return result;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
