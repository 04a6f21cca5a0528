package ai.askel.confluence.cli;

import java.util.Set;

/** The executable jar's entry point: {@code java -jar askel-confluence.jar <command>}. */
public final class Main {
    /** Long-running commands log at INFO; one-shot commands keep standard error for warnings and errors. */
    private static final Set<String> SERVERS = Set.of("serve", "sandbox");

    private Main() {
    }

    public static void main(String[] args) {
        if (isBlank(System.getProperty("ASKEL_LOG_LEVEL")) && isBlank(System.getenv("ASKEL_LOG_LEVEL"))) {
            System.setProperty("ASKEL_LOG_LEVEL", logLevel(args)); // before anything starts Logback, which reads it once
        }
        if (System.getProperty(ClassDataArchive.ARCHIVE_PROPERTY) != null) {
            ClassDataArchive.deleteClassListOnExit();
        }
        System.exit(AskelCommand.run(args));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** INFO for the servers, WARN for the rest: by the command named, so global options may stand before or after it. */
    static String logLevel(String... args) {
        return AskelCommand.commandWord(args).filter(SERVERS::contains).isPresent() ? "INFO" : "WARN";
    }
}
