package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.RegisterConnectionCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Connections to customers' Confluence sites (default workspace). */
@Command(name = "connections", description = "Adds, lists, verifies and removes connections to Confluence sites.",
        subcommands = {ConnectionsCommand.Add.class, ConnectionsCommand.ListConnections.class, ConnectionsCommand.Verify.class,
                ConnectionsCommand.Remove.class})
final class ConnectionsCommand implements Runnable {
    static final String TOKEN_VARIABLE = "ASKEL_CONFLUENCE_API_TOKEN";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String describe(Connection c) {
        return c.id() + "  " + c.name() + "  " + c.site() + "  " + c.email() + "  " + c.status()
                + c.accountId().map(a -> "  account " + a).orElse("");
    }

    @Command(name = "add", description = "Verifies the credentials with Confluence, then stores the connection (token encrypted).")
    static final class Add extends ConnectorCommand {
        @Option(names = "--name", required = true, description = "A name for the connection.")
        String name;

        @Option(names = "--site", required = true, description = "The site, https://<name>.atlassian.net.")
        String site;

        @Option(names = "--email", required = true, description = "The Atlassian account email.")
        String email;

        @Option(names = "--token-stdin", description = "Read the API token from standard input (else from $" + TOKEN_VARIABLE + ").")
        boolean tokenFromStdin;

        @Option(names = "--cloud-id", description = "For a scoped API token: the site's cloud id (calls go through api.atlassian.com).")
        String cloudId;

        @Option(names = "--token-expires", paramLabel = "YYYY-MM-DD", description = "The token's expiry date, so drift warns before it.")
        LocalDate tokenExpires;

        @Override
        protected int execute() throws Exception {
            Secret token = Secret.of(readToken(tokenFromStdin), "apiToken");
            return printed(askel -> {
                Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT, name, site, email, token,
                        Optional.ofNullable(cloudId), Optional.ofNullable(tokenExpires)));
                return new Printed(Views.connection(c), "connected: " + describe(c));
            });
        }
    }

    static String readToken(boolean fromStdin) throws IOException {
        if (fromStdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                throw new CliErrors.CliUsageException("no API token on standard input");
            }
            return line.strip();
        }
        String fromEnv = System.getenv(TOKEN_VARIABLE);
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new CliErrors.CliUsageException("give the API token in $" + TOKEN_VARIABLE + " or with --token-stdin"
                    + " (never on the command line, where other users could see it)");
        }
        return fromEnv.strip();
    }

    @Command(name = "list", description = "Lists the connections.")
    static final class ListConnections extends ConnectorCommand {
        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                List<Connection> all = askel.listConnections().list(WorkspaceIds.DEFAULT);
                return new Printed(all.stream().map(Views::connection).toList(),
                        all.isEmpty() ? "no connections" : all.stream().map(ConnectionsCommand::describe).collect(Collectors.joining("\n")));
            });
        }
    }

    @Command(name = "verify", description = "Checks the stored credentials with Confluence now.")
    static final class Verify extends ConnectorCommand {
        @Parameters(paramLabel = "CONNECTION", description = "Id or name.", arity = "0..1")
        String connection;

        @Override
        protected int execute() throws Exception {
            try (AskelConfluence askel = openConnector()) {
                ConnectionRef ref = connection(askel, connection);
                Connection c = askel.verifyConnection().verify(ref);
                out().result(Views.connection(c), describe(c));
                return c.status() == ai.askel.confluence.domain.ConnectionStatus.ACTIVE ? 0 : CliErrors.FAILED;
            }
        }
    }

    @Command(name = "remove", description = "Forgets a connection (pages in Confluence are left as they are).")
    static final class Remove extends ConnectorCommand {
        @Parameters(paramLabel = "CONNECTION", description = "Id or name.")
        String connection;

        @Override
        protected int execute() throws Exception {
            return printed(askel -> {
                ConnectionRef ref = connection(askel, connection);
                askel.removeConnection().remove(ref);
                return new Printed(java.util.Map.of("removed", ref.connection().value()), "removed " + ref.connection());
            });
        }
    }
}
