package ai.askel.confluence.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code askel-confluence} command line. */
@Command(name = "askel-confluence", mixinStandardHelpOptions = true, version = "Askel Confluence Connector 0.1.0",
        description = "Reads and writes customers' Confluence Cloud sites: pages, labels, attachments, runbooks, drift.")
public final class AskelCommand implements Runnable {
    /**
     * The commands, in the order the usage lists them. They are added to the tree in code rather than in the
     * annotation so that a command line naming one builds only that one ({@link #commandLine(CommandLine.IFactory, String...)}).
     */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, ServeCommand.class, SandboxCommand.class, WorkspacesCommand.class,
            ApiKeyCommand.class, ConnectionsCommand.class, SpacesCommand.class, PageCommand.class, LabelsCommand.class, AttachCommand.class,
            RunbookCommand.class, DriftCommand.class, JobsCommand.class, TemplatesCommand.class, MasterKeyCommand.class,
            CommandLine.HelpCommand.class);

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
        String[] helpAsked = helpAsOption(args);
        CommandLine cli = commandLine(factory, helpAsked);
        String[] asked = namesCommands(cli, args) ? helpAsked : withoutHelp(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler((e, arguments) -> {
            // one clear line, not the whole usage text: the command's --help has that; after a word that is no command of
            // a group, a second line with the commands it may have meant
            e.getCommandLine().getErr().println("error: " + CliErrors.describe(e) + " (see " + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            CliErrors.commandHint(e).ifPresent(e.getCommandLine().getErr()::println);
            return CliErrors.BAD_INPUT;
        });
        return cli.execute(asked);
    }

    /** The whole command tree, every command and subcommand answering {@code --help} and {@code -h}. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return tree(factory, COMMANDS);
    }

    /**
     * The tree the arguments need: only the command they name, when they name one, else the whole tree (for the
     * usage, {@code help}, {@code --version} and an unknown command's suggestions). Building every command's model
     * reads the annotations of all fifteen and initialises their classes: about a fifth of a second of a cold start
     * that runs one of them.
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
        String[] arguments = helpAsOption(args);
        int at = commandIndex(arguments);
        for (int i = 0; i < at; i++) {
            if (ROOT_ANSWERS.contains(arguments[i])) {
                return commandLine(factory); // --help serve: the root's usage, which lists every command
            }
        }
        Optional<Class<?>> named = commandWord(arguments).flatMap(word -> COMMANDS.stream()
                .filter(command -> !command.equals(CommandLine.HelpCommand.class))
                .filter(command -> command.getAnnotation(Command.class).name().equals(word))
                .findFirst());
        return tree(factory, named.<List<Class<?>>>map(List::of).orElse(COMMANDS));
    }

    private static CommandLine tree(CommandLine.IFactory factory, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new AskelCommand(), factory);
        for (Class<?> command : commands) {
            cli.addSubcommand(new CommandLine(command, factory));
        }
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
        int at = commandIndex(args);
        if (asksHelpOf(args, at)) {
            String[] rewritten = new String[args.length];
            System.arraycopy(args, 0, rewritten, 0, at);
            System.arraycopy(args, at + 1, rewritten, at, args.length - at - 1);
            rewritten[args.length - 1] = "--help";
            return rewritten;
        }
        return args;
    }

    /** Whether the arguments are {@code help} and the words of a command, at {@code at} (after the global options). */
    private static boolean asksHelpOf(String[] args, int at) {
        return at < args.length - 1 && args[at].equals("help") && !args[at + 1].startsWith("-");
    }

    /**
     * Whether {@code help WORDS} names a command, each word a command of the one before (up to an option, or a command
     * without any); true when the arguments ask no help. {@code help nosuchcmd} does not: it is run as {@code nosuchcmd}
     * ({@link #withoutHelp}), so the word is reported as it is without the help ('nosuchcmd' is not a command, and the
     * commands there are) rather than answered with the help of the group above it.
     */
    private static boolean namesCommands(CommandLine root, String... args) {
        int at = commandIndex(args);
        if (!asksHelpOf(args, at)) {
            return true;
        }
        CommandLine command = root;
        for (String word : List.of(args).subList(at + 1, args.length)) {
            if (word.startsWith("-") || command.getSubcommands().isEmpty()) {
                return true;
            }
            command = command.getSubcommands().get(word);
            if (command == null) {
                return false;
            }
        }
        return true;
    }

    /** The arguments without their {@code help} word. */
    private static String[] withoutHelp(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        rest.remove(commandIndex(args));
        return rest.toArray(String[]::new);
    }

    /** Where the command's name stands: after the global options before it and their values. */
    private static int commandIndex(String... args) {
        int at = 0;
        while (at < args.length && args[at].startsWith("-")) {
            at += GLOBAL_OPTIONS_WITH_VALUE.contains(args[at]) ? 2 : 1;
        }
        return at;
    }

    /** Options the root answers by itself, before any command runs: its usage and its version. */
    private static final Set<String> ROOT_ANSWERS = Set.of("-h", "--help", "-V", "--version");

    /** The global options that take a value (the value is not a command name). */
    static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--config", "--data-dir", "--plugins-dir");

    /**
     * The first argument that is neither a global option nor a global option's value: the name of the command to run,
     * if the arguments are valid ({@code help serve} counts as {@code serve}); empty when there is none.
     */
    static Optional<String> commandWord(String... args) {
        String[] arguments = helpAsOption(args);
        int at = commandIndex(arguments);
        return at < arguments.length ? Optional.of(arguments[at]) : Optional.empty();
    }
}
