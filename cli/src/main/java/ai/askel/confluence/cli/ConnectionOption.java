package ai.askel.confluence.cli;

import picocli.CommandLine.Option;

/** {@code --connection}: which connection a command acts through (optional when there is only one). */
final class ConnectionOption {
    @Option(names = {"-c", "--connection"}, paramLabel = "ID_OR_NAME", description = "The connection (id or name); optional when there is one.")
    String value;
}
