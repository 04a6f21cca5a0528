package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpServerSettingsTest {
    @Test
    void defaults_listen_on_loopback_8080_with_confluences_5_mb_body_cap() {
        HttpServerSettings defaults = HttpServerSettings.defaults();

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.maxJsonBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(defaults.maxAttachmentBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.uploadDirectory()).isEmpty();
    }

    @Test
    void impossible_settings_are_refused() {
        assertThatThrownBy(() -> HttpServerSettings.defaults().withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpServerSettings.defaults().withHost(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpServerSettings.defaults().withMaxAttachmentBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpServerSettings("127.0.0.1", 0, 1, 1, Duration.ZERO, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
