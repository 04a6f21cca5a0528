package ai.askel.confluence.cli;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failure into one clear line on standard error and an exit code; never a stack trace or a secret. */
final class CliErrors implements IExecutionExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);
    /** What a command's name looks like; a word that does not is never echoed (it may be a secret typed in the wrong place). */
    private static final Pattern COMMAND_LIKE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Set<ErrorCode> CALLER_ERRORS = EnumSet.of(ErrorCode.INVALID_INPUT, ErrorCode.INVALID_STORAGE_FORMAT,
            ErrorCode.SITE_NOT_ALLOWED, ErrorCode.NOT_FOUND, ErrorCode.TEMPLATE_ERROR, ErrorCode.PAYLOAD_TOO_LARGE);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof ConnectorException ce) {
            String trace = ce.traceId().map(t -> " (Confluence trace id " + t + ")").orElse("");
            cli.getErr().println("error [" + ce.code() + "]: " + ce.getMessage() + trace);
            return CALLER_ERRORS.contains(ce.code()) ? BAD_INPUT : FAILED;
        }
        if (e instanceof CliUsageException) {
            cli.getErr().println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                cli.getErr().println("error: cannot listen on the port asked for (" + rootMessage(e) + "); choose another with --port");
                return FAILED;
            }
        }
        LOG.error("unexpected failure in {}", cli.getCommandName(), e);
        cli.getErr().println("error [INTERNAL]: " + e.getClass().getSimpleName() + ": the connector failed unexpectedly; see the log");
        return FAILED;
    }

    /**
     * What was wrong with the command line, in one line. Unknown options are named without their values, and
     * unexpected words are counted, not quoted: a mistyped {@code --token SECRET} must not print the secret.
     */
    static String describe(CommandLine.ParameterException e) {
        Optional<String> command = unknownCommand(e);
        if (command.isPresent()) {
            int more = ((CommandLine.UnmatchedArgumentException) e).getUnmatched().size() - 1;
            return "'%s' is not a command of %s%s".formatted(command.get(), e.getCommandLine().getCommandSpec().qualifiedName(),
                    more == 0 ? "" : more == 1 ? " (1 more argument not shown)" : " (" + more + " more arguments not shown)");
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            java.util.List<String> options = new java.util.ArrayList<>();
            int words = 0;
            for (String arg : unmatched.getUnmatched()) {
                if (arg.startsWith("-") && arg.length() > 1) {
                    int equals = arg.indexOf('=');
                    options.add("'" + (equals > 0 ? arg.substring(0, equals) : arg) + "'");
                } else {
                    words++;
                }
            }
            StringBuilder line = new StringBuilder();
            if (!options.isEmpty()) {
                line.append(options.size() == 1 ? "unknown option " : "unknown options ").append(String.join(", ", options));
            }
            if (words > 0) {
                line.append(line.length() > 0 ? ", and " : "").append(words).append(words == 1 ? " unexpected argument" : " unexpected arguments")
                        .append(" (not shown)");
            }
            return line.toString();
        }
        return e.getMessage();
    }

    /**
     * The line after the error when a word stood where a command of a group was expected: the group's commands close to
     * it ({@code did you mean: serve?}, from picocli's suggestions), or else all of them.
     */
    static Optional<String> commandHint(CommandLine.ParameterException e) {
        return wordForCommand(e).map(unmatched -> {
            List<String> commands = visibleCommands(e.getCommandLine());
            List<String> close = unknownCommand(e).map(word -> unmatched.getSuggestions().stream()
                    .filter(suggestion -> commands.contains(suggestion) && closeTo(word, suggestion)).toList()).orElse(List.of());
            return close.isEmpty() ? "the commands are: " + String.join(", ", commands) : "did you mean: " + String.join(", ", close) + "?";
        });
    }

    /**
     * The word given where a command was expected, when it may be shown: it looks like a command name (lower-case
     * letters, digits and '-'), so it is no token or password typed in the wrong place.
     */
    private static Optional<String> unknownCommand(CommandLine.ParameterException e) {
        return wordForCommand(e).map(unmatched -> unmatched.getUnmatched().get(0)).filter(word -> COMMAND_LIKE.matcher(word).matches());
    }

    /** The parse error, when a word (not an option) stood first where a group (such as {@code connections}) wants a command. */
    private static Optional<CommandLine.UnmatchedArgumentException> wordForCommand(CommandLine.ParameterException e) {
        return e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !unmatched.getUnmatched().isEmpty() && !e.getCommandLine().getSubcommands().isEmpty()
                ? Optional.of(unmatched) : Optional.empty();
    }

    private static List<String> visibleCommands(CommandLine group) {
        List<String> names = new ArrayList<>();
        group.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name) && !sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name); // not an alias, not hidden
            }
        });
        return names;
    }

    /** A typo of the command: a prefix of it, or at most two letters off (added, dropped, changed). */
    private static boolean closeTo(String word, String command) {
        return command.startsWith(word) || editDistance(word, command) <= 2;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** A command used wrongly, beyond what picocli checks. */
    static final class CliUsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CliUsageException(String message) {
            super(message);
        }
    }
}
