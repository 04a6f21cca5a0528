package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.ports.in.ConnectionRef;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the configuration, the embedded connector, output and the connection to act through. */
@picocli.CommandLine.Command
abstract class ConnectorCommand implements Callable<Integer> {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    /** Runs the command; answers the exit code. */
    protected abstract int execute() throws Exception;

    /** A command's result: the JSON view for {@code --json}, and the text for people. */
    protected record Printed(Object json, String text) {
    }

    /** What a command does with the connector; it may fail with any exception (the CLI reports it in one line). */
    @FunctionalInterface
    protected interface Action {
        Printed run(AskelConfluence askel) throws Exception;
    }

    /** Opens the connector, runs the action, prints its result and closes the connector: exit code 0. */
    protected int printed(Action action) throws Exception {
        Printed result;
        try (AskelConfluence askel = openConnector()) {
            result = action.run(askel);
        }
        out().result(result.json(), result.text());
        return 0;
    }

    protected AskelCommand root() {
        return (AskelCommand) spec.root().userObject();
    }

    protected AppConfig config(Map<Setting, String> extra) {
        AskelCommand root = root();
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (root.dataDir != null) {
            overrides.put(Setting.DATA_DIR, root.dataDir.toString());
        }
        if (root.pluginsDir != null) {
            overrides.put(Setting.PLUGINS_DIR, root.pluginsDir.toString());
        }
        overrides.putAll(extra);
        AppConfig config = AppConfig.load(System.getenv(), root.configFile(), overrides);
        LogFormat.apply(config);
        return config;
    }

    protected AskelConfluence openConnector() {
        return AskelConfluence.from(config(Map.of()));
    }

    protected Output out() {
        return new Output(spec.commandLine().getOut(), root().json);
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The connection named by id or name; with none given, the only one there is. */
    protected ConnectionRef connection(AskelConfluence askel, String idOrName) {
        List<Connection> all = askel.listConnections().list(WorkspaceIds.DEFAULT);
        if (idOrName == null || idOrName.isBlank()) {
            if (all.size() == 1) {
                return askel.ref(all.get(0).id());
            }
            throw new CliErrors.CliUsageException(all.isEmpty()
                    ? "no connection yet: add one with `connections add`"
                    : "there are " + all.size() + " connections: choose one with --connection <id or name>");
        }
        if (UUID.matcher(idOrName).matches()) {
            return askel.ref(ConnectionId.of(idOrName.toLowerCase(java.util.Locale.ROOT)));
        }
        List<Connection> named = all.stream().filter(c -> c.name().equals(idOrName)).toList();
        if (named.size() != 1) {
            throw new CliErrors.CliUsageException(named.isEmpty() ? "no connection named '" + idOrName + "'"
                    : "several connections are named '" + idOrName + "': use its id");
        }
        return askel.ref(named.get(0).id());
    }
}
