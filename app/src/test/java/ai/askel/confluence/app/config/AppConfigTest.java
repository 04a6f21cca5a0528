package ai.askel.confluence.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults_apply_when_nothing_is_configured() {
        AppConfig config = AppConfig.defaults();

        assertThat(config.path(Setting.DATA_DIR)).isEqualTo(Path.of("./askel-data"));
        assertThat(config.integer(Setting.HTTP_PORT, 0, 65535)).isEqualTo(8080);
        assertThat(config.optional(Setting.DATABASE_URL)).isEmpty();
        assertThat(config.duration(Setting.TOKEN_EXPIRY_WARNING)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void environment_overrides_file_and_options_override_environment() throws IOException {
        Path file = dir.resolve("askel.properties");
        Files.writeString(file, "askel.http.port=9000\naskel.data-dir=/from-file\naskel.plugins-dir=/plugins\n");

        AppConfig config = AppConfig.load(Map.of("ASKEL_HTTP_PORT", "9100", "ASKEL_DATA_DIR", "/from-env"),
                Optional.of(file), Map.of(Setting.DATA_DIR, "/from-option"));

        assertThat(config.integer(Setting.HTTP_PORT, 0, 65535)).isEqualTo(9100);
        assertThat(config.string(Setting.DATA_DIR)).isEqualTo("/from-option");
        assertThat(config.string(Setting.PLUGINS_DIR)).isEqualTo("/plugins");
    }

    @Test
    void an_unknown_property_in_the_file_is_named() throws IOException {
        Path file = dir.resolve("askel.properties");
        Files.writeString(file, "askel.http.prot=9000\n");

        assertThatThrownBy(() -> AppConfig.load(Map.of(), Optional.of(file), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("askel.http.prot");
    }

    @Test
    void a_bad_value_names_its_setting() {
        AppConfig config = AppConfig.load(Map.of("ASKEL_HTTP_PORT", "eighty", "ASKEL_CONFLUENCE_TIMEOUT", "30 seconds"),
                Optional.empty(), Map.of());

        assertThatThrownBy(() -> config.integer(Setting.HTTP_PORT, 0, 65535)).hasMessageContaining("ASKEL_HTTP_PORT");
        assertThatThrownBy(() -> config.duration(Setting.CONFLUENCE_TIMEOUT)).hasMessageContaining("ASKEL_CONFLUENCE_TIMEOUT");
    }

    @Test
    void a_bad_value_from_the_properties_file_names_the_files_key_and_the_file() throws IOException {
        Path file = dir.resolve("askel.properties");
        Files.writeString(file, "askel.http.port=eighty\naskel.confluence.timeout=30 seconds\n");

        AppConfig config = AppConfig.load(Map.of(), Optional.of(file), Map.of());

        assertThat(config.source(Setting.HTTP_PORT)).isEqualTo("askel.http.port in " + file);
        assertThatThrownBy(() -> config.integer(Setting.HTTP_PORT, 0, 65535)).hasMessageStartingWith("askel.http.port in " + file + ": ")
                .hasMessageNotContaining("ASKEL_HTTP_PORT");
        assertThatThrownBy(() -> config.duration(Setting.CONFLUENCE_TIMEOUT)).hasMessageContaining("askel.confluence.timeout in " + file);
        assertThat(config.source(Setting.DATA_DIR)).as("not in the file: its variable").isEqualTo("ASKEL_DATA_DIR");
        AppConfig overridden = AppConfig.load(Map.of("ASKEL_HTTP_PORT", "eighty"), Optional.of(file), Map.of());
        assertThat(overridden.source(Setting.HTTP_PORT)).as("the environment wins over the file").isEqualTo("ASKEL_HTTP_PORT");
        assertThat(config.with(Setting.HTTP_PORT, "8081").source(Setting.HTTP_PORT)).isEqualTo("ASKEL_HTTP_PORT");
    }

    @Test
    void lists_are_split_on_commas_and_trimmed() {
        AppConfig config = AppConfig.load(Map.of("ASKEL_ALLOWED_SITE_ORIGINS", " http://127.0.0.1:8090 , ,http://localhost:9"),
                Optional.empty(), Map.of());

        assertThat(config.list(Setting.ALLOWED_SITE_ORIGINS)).containsExactly("http://127.0.0.1:8090", "http://localhost:9");
    }

    @Test
    void secrets_never_appear_in_the_string_form() {
        AppConfig config = AppConfig.load(Map.of("ASKEL_MASTER_KEY", "c2VjcmV0LWtleS1tYXRlcmlhbA==",
                "ASKEL_DATABASE_PASSWORD", "hunter2",
                "ASKEL_DATABASE_URL", "jdbc:postgresql://db.internal/askel?user=askel&password=in-the-url"), Optional.empty(), Map.of());

        assertThat(config.toString()).doesNotContain("c2VjcmV0LWtleS1tYXRlcmlhbA==").doesNotContain("hunter2").contains("****")
                .doesNotContain("in-the-url").contains("jdbc:postgresql://db.internal/askel...");
    }

    @Test
    void every_setting_is_documented_in_docs_configuration() throws IOException {
        Path docs = locateRepositoryFile("docs/configuration.md");
        String text = Files.readString(docs);

        for (Setting setting : Setting.values()) {
            assertThat(text).as(setting.name()).contains("`" + setting.environmentVariable() + "`").contains("`" + setting.property() + "`");
        }
    }

    private static Path locateRepositoryFile(String relative) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + here);
    }
}
