package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.http.HttpServerSettings;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

/** The HTTP server's settings, from the same {@link AppConfig} as the connector's. */
@Module
final class HttpSettingsModule {
    private HttpSettingsModule() {
    }

    @Provides
    @Singleton
    static HttpServerSettings httpServerSettings(AppConfig config) {
        return HttpServerSettings.defaults()
                .withHost(config.string(Setting.HTTP_HOST))
                .withPort(config.integer(Setting.HTTP_PORT, 0, 65535))
                .withMaxAttachmentBytes(SettingsModule.maxAttachmentBytes(config));
    }
}
