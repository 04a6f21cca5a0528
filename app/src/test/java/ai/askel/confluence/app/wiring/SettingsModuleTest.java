package ai.askel.confluence.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsModuleTest {
    @Test
    void the_page_update_conflict_retries_reach_the_use_cases_and_default_to_three() {
        assertThat(SettingsModule.useCaseSettings(AppConfig.defaults()).maxConflictRetries()).isEqualTo(3);
        assertThat(SettingsModule.useCaseSettings(AppConfig.defaults().with(Setting.PAGE_UPDATE_CONFLICT_RETRIES, "0"))
                .maxConflictRetries()).isZero();
        assertThat(SettingsModule.useCaseSettings(AppConfig.defaults().with(Setting.PAGE_UPDATE_CONFLICT_RETRIES, "7"))
                .maxConflictRetries()).isEqualTo(7);
    }

    @Test
    void page_update_conflict_retries_out_of_range_stop_the_start_naming_the_setting() {
        assertThatThrownBy(() -> SettingsModule.useCaseSettings(AppConfig.defaults().with(Setting.PAGE_UPDATE_CONFLICT_RETRIES, "11")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ASKEL_PAGE_UPDATE_CONFLICT_RETRIES");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"CONFLUENCE_TIMEOUT, PT0S", "CONFLUENCE_MAX_RETRY_WAIT, PT0S", "HTTP_RESERVED_THREADS, 500", "CONSOLE_SESSION_IDLE, PT0S",
        "CONSOLE_SESSION_MAX, PT1S", "CONNECTION_CACHE_TTL, PT10M"})
    void a_value_outside_its_range_stops_the_start_naming_the_setting(Setting setting, String value) {
        AppConfig config = AppConfig.defaults().with(setting, value);

        assertThatThrownBy(() -> everySetting(config)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(setting.environmentVariable());
    }

    @Test
    void the_defaults_are_within_every_range() {
        everySetting(AppConfig.defaults());
    }

    private static void everySetting(AppConfig config) {
        SettingsModule.confluenceClientSettings(config);
        SettingsModule.persistenceSettings(config);
        HttpSettingsModule.httpServerSettings(config);
        HttpSettingsModule.consoleSettings(config);
    }
}
