package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogFormatTest {

    @Test
    void json_from_the_configuration_switches_the_log_to_json_lines() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(LogFormat.logsJson(context)).isFalse();
        try {
            LogFormat.apply(AppConfig.load(Map.of(), Optional.empty(), Map.of(Setting.LOG_FORMAT, "json")));

            assertThat(LogFormat.logsJson(context)).isTrue();
        } finally {
            ConsoleLogging.apply(context, false);
        }
    }

    @Test
    void text_when_the_log_is_text_changes_nothing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        int appenders = countRootAppenders(context);

        LogFormat.apply(AppConfig.defaults());

        assertThat(LogFormat.logsJson(context)).isFalse();
        assertThat(countRootAppenders(context)).isEqualTo(appenders);
        assertThat(context.getLogger("ROOT").iteratorForAppenders().next().getName()).isEqualTo("text");
    }

    @Test
    void an_unknown_format_names_the_setting() {
        assertThatThrownBy(() -> LogFormat.apply(AppConfig.load(Map.of(), Optional.empty(), Map.of(Setting.LOG_FORMAT, "yaml"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ASKEL_LOG_FORMAT").hasMessageContaining("yaml");
    }

    private static int countRootAppenders(LoggerContext context) {
        int n = 0;
        for (var it = context.getLogger("ROOT").iteratorForAppenders(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
