package ai.askel.confluence.app.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spaces", description = "Lists the spaces the connection's user can see.")
final class SpacesCommand extends ConnectorCommand {
    @Mixin
    ConnectionOption connection;

    @Option(names = "--limit", defaultValue = "25", description = "Spaces per page (1-250).")
    int limit;

    @Option(names = "--cursor", description = "The cursor of the next page, from a previous listing.")
    String cursor;

    @Override
    protected int execute() {
        try (AskelConfluence askel = openConnector()) {
            Slice<Space> spaces = askel.listSpaces().listSpaces(connection(askel, connection.value), limit, Optional.ofNullable(cursor));
            out().result(Views.page(spaces.items().stream().map(Views::space).toList(), spaces.nextCursor()),
                    spaces.items().stream().map(s -> s.key() + "\t" + s.name() + "\t(" + s.type() + ", id " + s.id() + ")")
                            .collect(Collectors.joining("\n"))
                            + spaces.nextCursor().map(c -> "\nmore: --cursor " + c).orElse(""));
        }
        return 0;
    }
}
