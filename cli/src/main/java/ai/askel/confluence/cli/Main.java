package ai.askel.confluence.cli;

import ai.askel.confluence.cli.AskelCommand;
import java.util.Set;

/** The executable jar's entry point: {@code java -jar askel-confluence.jar <command>}. */
public final class Main {
    /** Long-running commands log at INFO; one-shot commands keep standard error for warnings and errors. */
    private static final Set<String> SERVERS = Set.of("serve", "sandbox");

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("ASKEL_LOG_LEVEL") == null && System.getenv("ASKEL_LOG_LEVEL") == null) {
            boolean server = args.length > 0 && SERVERS.contains(args[0]);
            System.setProperty("ASKEL_LOG_LEVEL", server ? "INFO" : "WARN");
        }
        System.exit(AskelCommand.run(args));
    }
}
