package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {
    private static final String[] PROPERTIES = {ConsoleLogging.LEVEL, ConsoleLogging.FORMAT, "logback.configurationFile"};
    private final Map<String, String> before = new HashMap<>();
    private final LoggerContext context = new LoggerContext();

    ConsoleLoggingTest() {
        for (String name : PROPERTIES) {
            before.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
    }

    @AfterEach
    void restoreProperties() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void logs_text_lines_on_standard_error_at_the_level_asked_with_the_noisy_libraries_at_warn() {
        System.setProperty(ConsoleLogging.LEVEL, "debug");

        assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(root.getAppender("text")).isInstanceOfSatisfying(ConsoleAppender.class,
                console -> assertThat(console.getTarget()).isEqualTo("System.err"));
        assertThat(ConsoleLogging.PINNED_AT_WARN).allSatisfy(name -> assertThat(context.getLogger(name).getLevel()).isEqualTo(Level.WARN));
    }

    @Test
    void a_text_line_logged_while_serving_a_request_names_the_request_beside_the_thread() {
        new ConsoleLogging().configure(context);
        Logger logger = context.getLogger("ai.askel.confluence.adapter.http.access");
        ConsoleAppender<ILoggingEvent> text = (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("text");
        LoggingEvent served = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "GET /health/live 200 1ms", null, null);
        served.setThreadName("askel-http-7");
        served.setMDCPropertyMap(Map.of("requestId", "req-42"));
        LoggingEvent other = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "HTTP API stopped", null, null);
        other.setThreadName("main");
        other.setMDCPropertyMap(Map.of());

        assertThat(new String(text.getEncoder().encode(served), StandardCharsets.UTF_8)).contains(" INFO  [askel-http-7 req-42] a.a.c.adapter.http.access - GET");
        assertThat(new String(text.getEncoder().encode(other), StandardCharsets.UTF_8)).contains(" INFO  [main] a.a.c.adapter.http.access - HTTP API");
    }

    @Test
    void logs_json_lines_when_the_format_says_json() {
        System.setProperty(ConsoleLogging.FORMAT, "JSON");

        new ConsoleLogging().configure(context);

        assertThat(LogFormat.logsJson(context)).isTrue();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).as("the default level").isEqualTo(Level.INFO);
    }

    @Test
    void an_unknown_level_falls_back_to_info() {
        System.setProperty(ConsoleLogging.LEVEL, "loud");

        new ConsoleLogging().configure(context);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void a_logback_xml_on_the_class_path_replaces_it_and_a_logback_test_xml_does_not(@org.junit.jupiter.api.io.TempDir java.nio.file.Path classes)
            throws Exception {
        java.nio.file.Files.writeString(classes.resolve("logback-test.xml"), "<configuration/>");
        try (java.net.URLClassLoader testsOnly = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ConsoleLogging.configuredElsewhere(testsOnly)).isFalse();
        }
        java.nio.file.Files.writeString(classes.resolve("logback.xml"), "<configuration/>");
        try (java.net.URLClassLoader operators = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            assertThat(ConsoleLogging.configuredElsewhere(operators)).isTrue();
        }
    }

    @Test
    void a_configuration_file_of_the_operators_own_replaces_it() {
        System.setProperty("logback.configurationFile", "/etc/askel/logback.xml");

        assertThat(new ConsoleLogging().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).as("left to Logback").isFalse();
    }
}
