package ai.askel.confluence.app;

import ai.askel.confluence.app.cli.AskelCommand;

/** The executable jar's entry point: {@code java -jar askel-confluence.jar <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AskelCommand.run(args));
    }
}
