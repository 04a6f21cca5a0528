package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.http.HttpServerSettings;
import ai.askel.confluence.adapter.http.console.ConsoleSettings;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.error.InvalidInputException;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The HTTP server's settings, from the same {@link AppConfig} as the connector's. */
@Module
final class HttpSettingsModule {
    private HttpSettingsModule() {
    }

    @Provides
    @Singleton
    static HttpServerSettings httpServerSettings(AppConfig config) {
        int maxThreads = config.integer(Setting.HTTP_MAX_THREADS, 16, 10_000);
        return HttpServerSettings.defaults()
                .withHost(config.string(Setting.HTTP_HOST))
                .withPort(config.integer(Setting.HTTP_PORT, 0, 65535))
                .withMaxAttachmentBytes(SettingsModule.maxAttachmentBytes(config))
                .withBounds(SettingsModule.positive(config, Setting.REQUEST_DEADLINE), SettingsModule.positive(config, Setting.HTTP_BODY_READ_TIMEOUT),
                        maxThreads, config.integer(Setting.HTTP_RESERVED_THREADS, 4, maxThreads - 8));
    }

    @Provides
    @Singleton
    static ConsoleSettings consoleSettings(AppConfig config) {
        String enabled = config.string(Setting.CONSOLE_ENABLED).strip().toLowerCase(java.util.Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw InvalidInputException.of(config.source(Setting.CONSOLE_ENABLED), "must be true or false, was '%s'".formatted(enabled));
        }
        Duration idle = config.duration(Setting.CONSOLE_SESSION_IDLE, Duration.ofSeconds(1), Duration.ofDays(365));
        return new ConsoleSettings(enabled.equals("true"), idle, config.duration(Setting.CONSOLE_SESSION_MAX, idle, Duration.ofDays(365)),
                config.integer(Setting.CONSOLE_SIGN_IN_ATTEMPTS, 1, 10_000));
    }
}
