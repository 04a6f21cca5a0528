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
        subcommands = {DemoCommand.class, ServeCommand.class, SandboxCommand.class, WorkspacesCommand.class, ApiKeyCommand.class, ConnectionsCommand.class,
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
            description = "The templates directory: declarative template folders and zips, and template jars.")
    Path pluginsDir;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the result as one JSON document, for scripts (each command's help says its shape).")
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
        CommandLine cli = commandLine(factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler((e, arguments) -> {
            // one clear line, not the whole usage text: the command's --help has that
            e.getCommandLine().getErr().println("error: " + CliErrors.describe(e) + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            return CliErrors.BAD_INPUT;
        });
        return cli.execute(helpAsOption(args));
    }

    /** The command tree, every command and subcommand answering {@code --help} and {@code -h}. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new AskelCommand(), factory);
        addHelpOptions(cli);
        // a value that happens to name a command is still the option's value: --plugins-dir templates templates
        cli.setAllowSubcommandsAsOptionParameters(true);
        return cli;
    }

    private static void addHelpOptions(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(CommandLine.Model.OptionSpec::usageHelp);
        if (!hasHelp) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(AskelCommand::addHelpOptions);
    }

    /** {@code help api-key create} is {@code api-key create --help}: the help of the command named, however deep. */
    static String[] helpAsOption(String... args) {
        int at = 0;
        while (at < args.length && args[at].startsWith("-")) {
            at += GLOBAL_OPTIONS_WITH_VALUE.contains(args[at]) ? 2 : 1;
        }
        if (at < args.length - 1 && args[at].equals("help") && !args[at + 1].startsWith("-")) {
            String[] rewritten = new String[args.length];
            System.arraycopy(args, 0, rewritten, 0, at);
            System.arraycopy(args, at + 1, rewritten, at, args.length - at - 1);
            rewritten[args.length - 1] = "--help";
            return rewritten;
        }
        return args;
    }

    /** The global options that take a value (the value is not a command name). */
    static final java.util.Set<String> GLOBAL_OPTIONS_WITH_VALUE = java.util.Set.of("--config", "--data-dir", "--plugins-dir");

    /** The name of the command the arguments run, wherever the global options stand (empty: none, or not parseable). */
    static Optional<String> commandName(String... args) {
        try {
            CommandLine.ParseResult parsed = commandLine(CommandLine.defaultFactory()).parseArgs(helpAsOption(args));
            return parsed.hasSubcommand() ? Optional.of(parsed.subcommand().commandSpec().name()) : Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
    }
}
