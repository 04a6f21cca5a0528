package ai.askel.confluence.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code askel-confluence} command line. */
@Command(name = "askel-confluence", mixinStandardHelpOptions = true, version = "Askel Confluence Connector 0.1.0",
        description = "Reads and writes customers' Confluence Cloud sites: pages, labels, attachments, runbooks, drift.",
        subcommands = {DemoCommand.class, ServeCommand.class, SandboxCommand.class, ApiKeyCommand.class, ConnectionsCommand.class,
                SpacesCommand.class, PageCommand.class, LabelsCommand.class, AttachCommand.class, RunbookCommand.class,
                DriftCommand.class, JobsCommand.class, TemplatesCommand.class, MasterKeyCommand.class, CommandLine.HelpCommand.class})
public final class AskelCommand implements Runnable {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file of settings (see docs/configuration.md); also ASKEL_CONFIG.")
    Path configFile;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the embedded database and key file live (default ./askel-data).")
    Path dataDir;

    @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Directory of third-party template jars.")
    Path pluginsDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON, for scripts.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile).or(() -> Optional.ofNullable(System.getenv("ASKEL_CONFIG")).filter(s -> !s.isBlank())
                .map(Path::of));
    }

    /** Runs the command line and answers the exit code: 0 done, 1 failed, 2 bad input. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.defaultFactory(), out, err, args);
    }

    /** With the factory that creates the commands: tests keep hold of a long-running one (serve) to stop it. */
    static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AskelCommand(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler((e, arguments) -> {
            // one clear line, not the whole usage text: the command's --help has that
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return CliErrors.BAD_INPUT;
        });
        return cli.execute(args);
    }
}
