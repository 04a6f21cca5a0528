package ai.askel.confluence.cli;

import ai.askel.confluence.app.JobHandle;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.out.JobItemRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code runbook publish-batch --file batch.ndjson}: one runbook per line (the fields of {@code runbook
 * publish}, as in the HTTP batch), submitted as one job. This process works on the job with the other
 * instances and shows a progress bar until it is done, then a summary; {@code --detach} only submits.
 */
@Command(name = "publish-batch", description = {"Publishes many runbooks (NDJSON, one per line) as one job, with a progress bar.",
        "--json: the job, " + Views.JOB_JSON + " (with --detach as submitted, else as it finished)."})
final class PublishBatchCommand extends ConnectorCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int BAR_WIDTH = 30;

    @Mixin
    ConnectionOption connection;

    @Option(names = "--file", required = true, paramLabel = "NDJSON",
            description = "One runbook per line: {\"template\",\"spaceKey\",\"title\",\"inputs\",\"labels\",\"parentTitle\",\"onDrift\",\"attachments\":[{\"path\"}]}.")
    Path file;

    @Option(names = "--detach", description = "Submit, print the job id and return; the instances running `serve` do the work.")
    boolean detach;

    @Option(names = "--idempotency-key", description = "Submitting again with the same key answers the same job.")
    String idempotencyKey;

    @Option(names = "--timeout", defaultValue = "PT2H", description = "How long to wait for the job (ISO-8601, default PT2H).")
    Duration timeout;

    /** The fields of one line. */
    record Line(String template, String spaceKey, String parentTitle, String title, Map<String, Object> inputs, List<String> labels,
                String onDrift, List<FileRef> attachments) {
    }

    record FileRef(String path, String mediaType, String comment) {
    }

    @Override
    protected int execute() throws Exception {
        List<JobItemRequest> items = read(file);
        return printed(askel -> {
            SubmitRunbookBatchCommand command = new SubmitRunbookBatchCommand(connection(askel, connection.value), items,
                    Optional.ofNullable(idempotencyKey));
            JobHandle handle = askel.submitRunbookBatch(command);
            if (detach) {
                Job job = handle.status();
                return new Printed(Views.job(job), "job " + job.id() + " submitted: " + job.total() + " runbooks (jobs get " + job.id() + ")");
            }
            askel.startWorker(false);
            PrintWriter err = err();
            boolean bar = !out().isJson();
            Job done = handle.await(timeout, Duration.ofMillis(500), job -> {
                if (bar) {
                    err.print("\r" + progress(job));
                    err.flush();
                }
            });
            if (bar) {
                err.println();
            }
            if (!done.state().isFinal()) {
                throw new CliErrors.CliUsageException("job " + done.id() + " is still " + done.state() + " after " + timeout
                        + "; follow it with `jobs get " + done.id() + "`");
            }
            return new Printed(Views.job(done), summary(done));
        });
    }

    static String progress(Job job) {
        long finished = job.counts().finished();
        int filled = (int) (BAR_WIDTH * finished / Math.max(1, job.total()));
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + finished + "/" + job.total() + "  succeeded "
                + job.counts().succeeded() + "  failed " + job.counts().failed() + "  running " + job.counts().running();
    }

    static String summary(Job job) {
        return "job " + job.id() + " " + job.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + job.counts().succeeded()
                + " succeeded, " + job.counts().failed() + " failed, " + job.counts().cancelled() + " cancelled of " + job.total()
                + (job.counts().failed() > 0 ? " (the failures: jobs get " + job.id() + ")" : "");
    }

    static List<JobItemRequest> read(Path file) {
        List<JobItemRequest> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            int number = 0;
            for (String text; (text = reader.readLine()) != null; ) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                if (items.size() == Job.MAX_ITEMS) {
                    throw new CliErrors.CliUsageException(file + " holds more than " + Job.MAX_ITEMS + " runbooks; split it");
                }
                items.add(item(file, number, text));
            }
        } catch (IOException e) {
            throw new CliErrors.CliUsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (items.isEmpty()) {
            throw new CliErrors.CliUsageException(file + " holds no runbook");
        }
        return items;
    }

    private static JobItemRequest item(Path file, int number, String text) {
        Line line;
        try {
            line = JSON.readValue(text, Line.class);
        } catch (JsonProcessingException e) {
            throw new CliErrors.CliUsageException("%s line %d: %s".formatted(file, number, e.getOriginalMessage()));
        }
        if (line.title() == null || line.spaceKey() == null) {
            throw new CliErrors.CliUsageException("%s line %d: spaceKey and title are required".formatted(file, number));
        }
        List<JobItemRequest.InlineAttachment> attachments = new ArrayList<>();
        for (FileRef ref : line.attachments() == null ? List.<FileRef>of() : line.attachments()) {
            Path path = file.toAbsolutePath().getParent().resolve(ref.path());
            try {
                String type = Optional.ofNullable(ref.mediaType()).or(() -> probe(path)).orElse("application/octet-stream");
                attachments.add(new JobItemRequest.InlineAttachment(path.getFileName().toString(), type, Files.readAllBytes(path),
                        Optional.ofNullable(ref.comment())));
            } catch (IOException e) {
                throw new CliErrors.CliUsageException("%s line %d: cannot read %s".formatted(file, number, path));
            }
        }
        return new JobItemRequest(SpaceKey.of(line.spaceKey()), Optional.ofNullable(line.parentTitle()).map(Title::of),
                Title.of(line.title()), line.template() == null ? "customer-environment-runbook" : line.template(),
                new TemplateInputs(line.inputs() == null ? Map.of() : line.inputs()),
                Optional.ofNullable(line.labels()).map(l -> l.stream().map(Label::of).collect(Collectors.toSet())), attachments,
                DriftPolicy.parse(line.onDrift() == null ? "fail" : line.onDrift()));
    }

    private static Optional<String> probe(Path path) {
        try {
            return Optional.ofNullable(Files.probeContentType(path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
