package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.JobView;
import ai.askel.confluence.ports.out.JobItem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "jobs", description = "Jobs (batches of runbook publishes) run by the cluster: get, list, cancel.",
        subcommands = {JobsCommand.Get.class, JobsCommand.ListJobs.class, JobsCommand.Cancel.class})
final class JobsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "get", description = {"A job's state and counts, and its items' results from --from (at most --limit).",
            "--json: {job: " + Views.JOB_JSON + ", items: [{index, title, state, attempts, outcome, runbookId, pageId, error}], nextFrom}."})
    static final class Get extends ConnectorCommand {
        @Parameters(paramLabel = "JOB_ID")
        String jobId;

        @Option(names = "--from", defaultValue = "0")
        int from;

        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                JobView view = askel.job(WorkspaceIds.DEFAULT, JobId.of(jobId)).items(from, limit);
                String items = view.items().stream().map(JobsCommand::item).collect(Collectors.joining("\n"));
                return new Printed(Views.jobView(view), PublishBatchCommand.summary(view.job()) + (items.isEmpty() ? "" : "\n" + items)
                        + view.nextIndex().map(n -> "\n(more: --from " + n + ")").orElse(""));
            });
        }
    }

    @Command(name = "list", description = {"The newest jobs first.", "--json: [" + Views.JOB_JSON + "]."})
    static final class ListJobs extends ConnectorCommand {
        @Option(names = "--limit", defaultValue = "20")
        int limit;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                List<Job> jobs = askel.listJobs().list(WorkspaceIds.DEFAULT, Optional.empty(), limit);
                return new Printed(jobs.stream().map(Views::job).toList(), jobs.isEmpty() ? "no jobs"
                        : jobs.stream().map(j -> j.id() + "  " + j.submittedAt() + "  " + PublishBatchCommand.progress(j) + "  "
                        + j.state()).collect(Collectors.joining("\n")));
            });
        }
    }

    @Command(name = "cancel", description = {"Items that have not started never start; items in flight finish.", "--json: the job, " + Views.JOB_JSON + "."})
    static final class Cancel extends ConnectorCommand {
        @Parameters(paramLabel = "JOB_ID")
        String jobId;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Job job = askel.job(WorkspaceIds.DEFAULT, JobId.of(jobId)).cancel();
                return new Printed(Views.job(job), PublishBatchCommand.summary(job));
            });
        }
    }

    private static String item(JobItem i) {
        return "  #" + i.index() + "  " + i.state() + i.outcome().map(o -> " " + o).orElse("") + "  \"" + i.title().value() + "\""
                + i.pageId().map(p -> "  page " + p).orElse("") + i.error().map(e -> "  " + e.code() + ": " + e.detail()).orElse("");
    }
}
