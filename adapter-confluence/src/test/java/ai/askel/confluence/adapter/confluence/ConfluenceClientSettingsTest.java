package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfluenceClientSettingsTest {
    @Test
    void defaults_use_atlassians_gateway_ten_in_flight_and_the_two_gigabyte_cap() {
        ConfluenceClientSettings d = ConfluenceClientSettings.defaults();

        assertThat(d.gatewayOrigin()).isEqualTo(URI.create("https://api.atlassian.com"));
        assertThat(d.concurrencyPerConnection()).isEqualTo(10);
        assertThat(d.maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.maxAttachmentBytes()).isEqualTo(ConfluenceClientSettings.MAX_REQUEST_BYTES);
    }

    @Test
    void refuses_settings_that_cannot_work() {
        ConfluenceClientSettings d = ConfluenceClientSettings.defaults();
        assertThatThrownBy(() -> new ConfluenceClientSettings(d.gatewayOrigin(), d.connectTimeout(), d.requestTimeout(), 0, d.baseBackoff(),
                d.maxWait(), 10, d.nearLimitDelay(), 1)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new ConfluenceClientSettings(d.gatewayOrigin(), d.connectTimeout(), d.requestTimeout(), 4, d.baseBackoff(),
                d.maxWait(), 10, d.nearLimitDelay(), ConfluenceClientSettings.MAX_REQUEST_BYTES + 1)).hasMessageContaining("maxAttachmentBytes");
        assertThatThrownBy(() -> new ConfluenceClientSettings(URI.create("/relative"), d.connectTimeout(), d.requestTimeout(), 4, d.baseBackoff(),
                d.maxWait(), 10, d.nearLimitDelay(), 1)).hasMessageContaining("gatewayOrigin");
        assertThatThrownBy(() -> new ConfluenceClientSettings(d.gatewayOrigin(), d.connectTimeout(), d.requestTimeout(), 4, d.baseBackoff(),
                Duration.ZERO, 10, d.nearLimitDelay(), 1)).hasMessageContaining("maxWait");
    }
}
