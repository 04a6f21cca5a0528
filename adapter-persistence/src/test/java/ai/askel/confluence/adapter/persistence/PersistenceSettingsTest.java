package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PersistenceSettingsTest {
    @Test
    void the_default_is_an_embedded_h2_file_database_in_askel_data() {
        PersistenceSettings settings = PersistenceSettings.defaults();

        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("askel-data"));
        assertThat(settings.effectiveJdbcUrl()).startsWith("jdbc:h2:file:")
                .contains(Path.of("askel-data").toAbsolutePath().resolve("askel").toString())
                .as("every commit is written to the file before it returns").contains(";WRITE_DELAY=0");
        assertThat(settings.poolSize()).isEqualTo(PersistenceSettings.DEFAULT_POOL_SIZE);
    }

    @Test
    void a_jdbc_url_selects_that_database_and_blank_values_count_as_absent() {
        PersistenceSettings settings = PersistenceSettings.defaults().withDatabase("jdbc:postgresql://db:5432/askel", "askel", " ");

        assertThat(settings.isEmbedded()).isFalse();
        assertThat(settings.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/askel");
        assertThat(PersistenceSettings.defaults().withDatabase("  ", null, null).isEmbedded()).isTrue();
    }

    @Test
    void to_string_never_shows_the_password_the_master_key_or_url_parameters() {
        String key = TestDatabase.newKeyBase64();
        PersistenceSettings settings = PersistenceSettings.defaults()
                .withDatabase("jdbc:postgresql://db:5432/askel?password=hunter2", "askel", "s3cr3t-pw")
                .withMasterKeyBase64(key);

        assertThat(settings.toString()).doesNotContain("s3cr3t-pw").doesNotContain(key).doesNotContain("hunter2")
                .contains("jdbc:postgresql://db:5432/askel").contains("askel");
    }

    @Test
    void invalid_settings_name_the_field() {
        assertThatThrownBy(() -> PersistenceSettings.defaults().withPoolSize(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> PersistenceSettings.defaults().withDatabase("postgresql://db/askel", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jdbcUrl");
    }
}
