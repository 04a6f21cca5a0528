package ai.askel.confluence.cli;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Applies the log format of the configuration, wherever it was set (environment, properties file).
 * logback.xml reads only {@code ASKEL_LOG_FORMAT} from the environment or system properties, and it is
 * read before the command line is parsed; a format from a properties file needs logback configured again.
 */
final class LogFormat {
    private static final Set<String> FORMATS = Set.of("text", "json");

    private LogFormat() {
    }

    static void apply(AppConfig config) {
        String wanted = config.string(Setting.LOG_FORMAT).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw InvalidInputException.of(Setting.LOG_FORMAT.environmentVariable(), "must be text or json, not '" + wanted + "'");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || logsJson(context) == wanted.equals("json")) {
            return;
        }
        URL resource = LogFormat.class.getResource("/logback.xml");
        if (resource == null) {
            return;
        }
        System.setProperty(Setting.LOG_FORMAT.environmentVariable(), wanted);
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(resource);
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml could not be applied", e);
        }
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
