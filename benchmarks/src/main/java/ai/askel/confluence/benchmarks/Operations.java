package ai.askel.confluence.benchmarks;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageCommand;
import ai.askel.confluence.ports.in.UpdatePageCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single operations and the seed runbook flow, done through the connector, each counted by
 * the sandbox (reset before the step, read after) and timed. The reset goes through the sandbox's admin API over
 * HTTP right before the clock starts, as the peer script does it, so both sides start each step from a sandbox
 * that has just answered a request (an in-process reset would leave its threads idle since the last step).
 * {@code PeerScenario} runs the same list with confluence.js under the same names.
 */
final class Operations {
    static final String SPACE = "INFRA";

    /** One step: its name, the calls the sandbox saw (by endpoint), the wall time and how it ended. */
    record Step(String name, long calls, Map<String, Long> endpoints, double millis, String outcome) {
    }

    private final ConfluenceSandbox sandbox;
    private final AskelConfluence askel;
    private final ConnectionRef ref;
    private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest resetCounters;

    Operations(ConfluenceSandbox sandbox, AskelConfluence askel, ConnectionRef ref) {
        this.sandbox = sandbox;
        this.askel = askel;
        this.ref = ref;
        this.resetCounters = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__sandbox/requests"))
                .timeout(Duration.ofSeconds(10)).DELETE().build();
    }

    /** Runs every step once, each counted and timed; {@code suffix} keeps titles of different rounds apart. */
    List<Step> round(String suffix) {
        return steps(suffix, this::step);
    }

    /** Runs every step once as fast as it goes, neither counted nor timed: for warming the JVM up. */
    void warmUp(String suffix) {
        steps(suffix, (name, action) -> {
            try {
                action.call();
                return null;
            } catch (Exception e) {
                throw new IllegalStateException("warm-up step '" + name + "' failed: " + e, e);
            }
        });
    }

    /** How a round runs one of its steps. */
    private interface StepRunner {
        Step run(String name, java.util.concurrent.Callable<String> action);
    }

    private List<Step> steps(String suffix, StepRunner runner) {
        List<Step> steps = new ArrayList<>();
        SpaceKey space = SpaceKey.of(SPACE);
        Page[] page = new Page[1];
        steps.add(runner.run("create page", () -> {
            page[0] = askel.createPage().create(new CreatePageCommand(ref, space, Title.of("Connector page" + suffix), Optional.empty(),
                    PageBody.storage("<p>One</p>"), Set.of()));
            return "";
        }));
        PageId id = page[0].id();
        steps.add(runner.run("read page", () -> {
            askel.readPage().read(ref, id);
            return "";
        }));
        steps.add(runner.run("update page, changed", () -> {
            askel.updatePage().update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>Two</p>"),
                    Optional.empty(), Optional.empty()));
            return "";
        }));
        steps.add(runner.run("update page, unchanged", () -> {
            var after = askel.updatePage().update(new UpdatePageCommand(ref, id, Optional.empty(), PageBody.storage("<p>Two</p>"),
                    Optional.empty(), Optional.empty()));
            return "version " + after.page().version().number().number() + (after.changed() ? "" : ", nothing written");
        }));
        steps.add(runner.run("search, one page of results", () ->
                askel.searchPages().search(ref, CqlQuery.raw("type = page and space = " + SPACE), 25, Optional.empty()).items().size() + " results"));
        steps.add(runner.run("add three labels", () -> {
            askel.manageLabels().add(ref, id, Set.of(Label.of("alpha"), Label.of("beta"), Label.of("gamma")));
            return "";
        }));
        steps.add(runner.run("remove a label", () -> {
            askel.manageLabels().remove(ref, id, Label.of("beta"));
            return "";
        }));
        steps.add(runner.run("upload an attachment", () -> {
            askel.uploadAttachment().upload(ref, id, new AttachmentUpload("notes.bin", "application/octet-stream",
                    Runbooks.DIAGRAM_BYTES.length, () -> new ByteArrayInputStream(Runbooks.DIAGRAM_BYTES), Optional.empty(), true),
                    UploadProgressListener.NONE);
            return "";
        }));
        String title = "Crestview Production" + suffix;
        steps.add(runner.run("runbook: first publish", () ->
                askel.publishRunbook().publish(Runbooks.seed(ref, space, title, "First edition.")).outcome().toString()));
        steps.add(runner.run("runbook: unchanged republish", () ->
                askel.publishRunbook().publish(Runbooks.seed(ref, space, title, "First edition.")).outcome().toString()));
        steps.add(runner.run("runbook: changed republish", () ->
                askel.publishRunbook().publish(Runbooks.seed(ref, space, title, "Second edition.")).outcome().toString()));
        return steps;
    }

    private void resetCounters() {
        try {
            HttpResponse<Void> answer = admin.send(resetCounters, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the sandbox refused to reset its counters: " + answer.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Step step(String name, java.util.concurrent.Callable<String> action) {
        RequestLogSettling.settle(sandbox.requestLog());
        resetCounters();
        long start = System.nanoTime();
        String outcome;
        try {
            String note = action.call();
            outcome = note.isEmpty() ? "ok" : "ok: " + note;
        } catch (Exception e) {
            outcome = "error: " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        RequestLogSettling.settle(sandbox.requestLog());
        return new Step(name, sandbox.requestLog().total(), sandbox.requestLog().counts(), millis, outcome);
    }
}
