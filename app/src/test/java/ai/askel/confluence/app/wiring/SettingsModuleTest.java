package ai.askel.confluence.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

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
}
