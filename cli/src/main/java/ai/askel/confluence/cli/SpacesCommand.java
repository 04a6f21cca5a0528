package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "spaces", description = "Lists the spaces the connection's user can see.")
final class SpacesCommand extends ConnectorCommand {
    @Mixin
    ConnectionOption connection;

    @Mixin
    PagingOptions paging;

    @Override
    protected int execute() throws Exception {
        return printed(askel -> {
            Slice<Space> spaces = askel.listSpaces().listSpaces(connection(askel, connection.value), paging.limit, paging.cursor());
            return new Printed(Views.page(spaces.items().stream().map(Views::space).toList(), spaces.nextCursor()),
                    spaces.items().stream().map(s -> s.key() + "\t" + s.name() + "\t(" + s.type() + ", id " + s.id() + ")")
                            .collect(Collectors.joining("\n"))
                            + PagingOptions.more(spaces.nextCursor()));
        });
    }
}
