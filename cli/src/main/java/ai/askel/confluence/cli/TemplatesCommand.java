package ai.askel.confluence.cli;

import ai.askel.confluence.ports.in.TemplateDescriptor;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

@Command(name = "templates", description = "Lists the content templates loaded (built in and from the plugins directory).")
final class TemplatesCommand extends ConnectorCommand {
    @Override
    protected int execute() throws Exception {
        return printed(askel -> {
            List<TemplateDescriptor> templates = askel.listTemplates().list();
            return new Printed(templates.stream().map(Views::template).toList(), templates.stream()
                    .map(t -> t.id() + " " + t.version() + " - " + t.name() + "\n" + t.inputs().stream()
                            .map(i -> "    " + i.name() + " (" + i.type() + (i.required() ? ", required" : "") + "): " + i.description())
                            .collect(Collectors.joining("\n")))
                    .collect(Collectors.joining("\n")));
        });
    }
}
