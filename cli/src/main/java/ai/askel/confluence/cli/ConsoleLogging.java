package ai.askel.confluence.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The executable's logging, found by Logback through {@code META-INF/services}: one appender on standard error, text
 * lines or JSON objects ({@code ASKEL_LOG_FORMAT}), the root at {@code ASKEL_LOG_LEVEL} (default INFO; each read from a
 * system property of that name, else the environment), and the libraries in {@link #PINNED_AT_WARN} at WARN whatever
 * the root's level: Jetty's own DEBUG and TRACE dump raw request bytes, credentials included.
 *
 * <p>In code rather than a {@code logback.xml}: reading XML (Logback's Joran and the JDK's parser) took about a tenth
 * of a second of every command's start, {@code serve}'s included. A file still replaces it
 * ({@link #configuredElsewhere}): then this steps aside and Logback reads that file as usual.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** Loggers held at WARN: request dumps (Jetty) and start-up chatter. */
    static final List<String> PINNED_AT_WARN = List.of("org.eclipse.jetty", "io.javalin", "org.flywaydb", "com.zaxxer.hikari",
            "ai.askel.confluence.sandbox");
    static final String FORMAT = "ASKEL_LOG_FORMAT";
    static final String LEVEL = "ASKEL_LOG_LEVEL";
    /** A line logged while an HTTP request is served names the request's id beside the thread: {@code [askel-http-7 4f0c...]}. */
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level [%thread%replace( %X{requestId}){'^ $', ''}] %logger{30} - %msg%n";

    /** For Logback's service loader. */
    public ConsoleLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredElsewhere(ConsoleLogging.class.getClassLoader())) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, json());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether Logback is to read an operator's file instead: one named by {@code -Dlogback.configurationFile}, or a
     * {@code logback.xml} put on the class path. (A {@code logback-test.xml} does not count: the test fixtures other
     * modules share carry one, and the tests of the executable run its own configuration, at WARN.)
     */
    static boolean configuredElsewhere(ClassLoader loader) {
        return System.getProperty("logback.configurationFile") != null || loader.getResource("logback.xml") != null;
    }

    private static boolean json() {
        return "json".equals(setting(FORMAT).orElse("text"));
    }

    /** Replaces {@code context}'s configuration with this one, in JSON lines or in text. */
    static void apply(LoggerContext context, boolean json) {
        context.reset();
        // Logback's own status messages (printed to standard output on a warning) would break --json output
        context.getStatusManager().add(new NopStatusListener());
        Encoder<ILoggingEvent> encoder = json ? new JsonEncoder() : pattern(context);
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName(json ? "json" : "text");
        console.setContext(context);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting(LEVEL).orElse("INFO"), Level.INFO));
        root.addAppender(console);
        PINNED_AT_WARN.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }

    private static PatternLayoutEncoder pattern(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        return encoder;
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()))
                .map(value -> value.trim().toLowerCase(Locale.ROOT));
    }
}
