package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Workspace;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The connector's tenants. */
@Command(name = "workspaces", description = "Creates and lists workspaces (tenants: their own connections, keys and audit log).",
        subcommands = {WorkspacesCommand.Create.class, WorkspacesCommand.ListWorkspaces.class})
final class WorkspacesCommand extends GroupCommand {

    @Command(name = "create", description = {"Creates a workspace; give it keys with `api-key create --workspace ID`.",
            "--json: {id, name, createdAt}."})
    static final class Create extends ConnectorCommand {
        @Parameters(paramLabel = "NAME", description = "A name to recognise the workspace by (1 to 100 characters).")
        String name;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                Workspace created = askel.manageWorkspaces().create(name);
                return new Printed(Views.workspace(created), "workspace " + created.id() + " (" + created.name() + ")");
            });
        }
    }

    @Command(name = "list", description = {"Lists the workspaces, the default one first.", "--json: [{id, name, createdAt}]."})
    static final class ListWorkspaces extends ConnectorCommand {
        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                List<Workspace> all = askel.manageWorkspaces().list();
                return new Printed(all.stream().map(Views::workspace).toList(),
                        all.stream().map(w -> w.id() + "  " + w.name()).collect(Collectors.joining("\n")));
            });
        }
    }
}
