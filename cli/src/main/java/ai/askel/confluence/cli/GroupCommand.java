package ai.askel.confluence.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run alone, it prints its usage (the subcommands it offers). */
@CommandLine.Command
abstract class GroupCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
