package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "labels", description = "Adds and removes page labels (Confluence lower-cases them).",
        subcommands = {LabelsCommand.Add.class, LabelsCommand.Remove.class})
final class LabelsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", description = "Adds labels in one call; prints every label now on the page.")
    static final class Add extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(index = "0", paramLabel = "PAGE_ID")
        String pageId;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL")
        List<String> labels;

        @Override
        protected int execute() throws Exception {
            Set<Label> toAdd = labels.stream().map(Label::of).collect(Collectors.toSet());
            return printed(askel -> {
                Set<Label> now = askel.manageLabels().add(connection(askel, connection.value), PageId.of(pageId), toAdd);
                return new Printed(Map.of("labels", Views.labels(now)), "labels on " + pageId + ": " + String.join(", ", Views.labels(now)));
            });
        }
    }

    @Command(name = "remove", description = "Removes a label (no error if it is not there).")
    static final class Remove extends ConnectorCommand {
        @Mixin
        ConnectionOption connection;

        @Parameters(index = "0", paramLabel = "PAGE_ID")
        String pageId;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Override
        protected int execute() throws Exception {
            Label l = Label.of(label);
            return printed(askel -> {
                askel.manageLabels().remove(connection(askel, connection.value), PageId.of(pageId), l);
                return new Printed(Map.of("removed", l.name()), "removed " + l + " from " + pageId);
            });
        }
    }
}
