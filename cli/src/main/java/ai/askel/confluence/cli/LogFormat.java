package ai.askel.confluence.cli;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Applies the log format of the configuration, wherever it was set (environment, properties file). Logback is
 * configured ({@link ConsoleLogging}) before the command line is parsed, from {@code ASKEL_LOG_FORMAT} in the environment
 * or system properties only; a format from a properties file needs it configured again. A Logback file of the
 * operator's own ({@link ConsoleLogging#configuredElsewhere}) is left as it is.
 */
final class LogFormat {
    private static final Set<String> FORMATS = Set.of("text", "json");

    private LogFormat() {
    }

    static void apply(AppConfig config) {
        String wanted = config.string(Setting.LOG_FORMAT).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw InvalidInputException.of(config.source(Setting.LOG_FORMAT), "must be text or json, not '" + wanted + "'");
        }
        if (ConsoleLogging.configuredElsewhere(LogFormat.class.getClassLoader())
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || logsJson(context) == wanted.equals("json")) {
            return;
        }
        ConsoleLogging.apply(context, wanted.equals("json"));
    }

    static boolean logsJson(LoggerContext context) {
        Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof OutputStreamAppender<?> stream && stream.getEncoder() instanceof JsonEncoder) {
                return true;
            }
        }
        return false;
    }
}
