package ai.askel.confluence.app.wiring;

import ai.askel.confluence.adapter.confluence.ConfluenceClientSettings;
import ai.askel.confluence.adapter.persistence.PersistenceSettings;
import ai.askel.confluence.adapter.persistence.SchedulerSettings;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.templates.TemplateRegistry;
import ai.askel.confluence.plugins.declarative.MarkdownToStorage;
import ai.askel.confluence.ports.out.MarkdownPort;
import ai.askel.confluence.app.usecase.UseCaseSettings;
import ai.askel.confluence.app.usecase.WorkerSettings;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Turns the one {@link AppConfig} into each module's settings, checked once at start. */
@Module
final class SettingsModule {
    private SettingsModule() {
    }

    @Provides
    @Singleton
    static ConfluenceClientSettings confluenceClientSettings(AppConfig config) {
        ConfluenceClientSettings d = ConfluenceClientSettings.defaults();
        return new ConfluenceClientSettings(d.gatewayOrigin(), d.connectTimeout(), positive(config, Setting.CONFLUENCE_TIMEOUT),
                config.integer(Setting.CONFLUENCE_MAX_ATTEMPTS, 1, 20), d.baseBackoff(),
                positive(config, Setting.CONFLUENCE_MAX_RETRY_WAIT), config.integer(Setting.CONFLUENCE_MAX_CONCURRENCY, 1, 1000),
                d.nearLimitDelay(), maxAttachmentBytes(config))
                .withIsolation(positive(config, Setting.CONFLUENCE_SLOT_WAIT), config.integer(Setting.CONFLUENCE_MAX_WAITERS, 0, 10_000),
                        config.longValue(Setting.CONFLUENCE_MAX_RESPONSE_BYTES, 64 * 1024, 1024L * 1024 * 1024),
                        positive(config, Setting.REQUEST_DEADLINE));
    }

    @Provides
    @Singleton
    static PersistenceSettings persistenceSettings(AppConfig config) {
        PersistenceSettings settings = PersistenceSettings.defaults()
                .withDataDirectory(config.path(Setting.DATA_DIR))
                .withPoolSize(config.integer(Setting.DATABASE_POOL_SIZE, 1, PersistenceSettings.MAX_POOL_SIZE))
                .withConnectionCacheTtl(config.duration(Setting.CONNECTION_CACHE_TTL, java.time.Duration.ZERO,
                        PersistenceSettings.MAX_CONNECTION_CACHE_TTL));
        if (config.optional(Setting.DATABASE_URL).isPresent()) {
            settings = settings.withDatabase(config.string(Setting.DATABASE_URL), config.string(Setting.DATABASE_USER),
                    config.string(Setting.DATABASE_PASSWORD));
        }
        if (config.optional(Setting.MASTER_KEY).isPresent()) {
            settings = settings.withMasterKeyBase64(config.string(Setting.MASTER_KEY), config.source(Setting.MASTER_KEY));
        }
        return settings;
    }

    @Provides
    @Singleton
    static UseCaseSettings useCaseSettings(AppConfig config) {
        return UseCaseSettings.defaults()
                .withAllowedSiteOrigins(config.list(Setting.ALLOWED_SITE_ORIGINS))
                .withMaxAttachmentBytes(maxAttachmentBytes(config))
                .withTokenExpiryWarning(config.duration(Setting.TOKEN_EXPIRY_WARNING))
                .withIdempotencyLease(config.duration(Setting.IDEMPOTENCY_LEASE))
                .withMaxConflictRetries(config.integer(Setting.PAGE_UPDATE_CONFLICT_RETRIES, 0, UseCaseSettings.MAX_CONFLICT_RETRIES));
    }

    @Provides
    @Singleton
    static SchedulerSettings schedulerSettings(AppConfig config) {
        return new SchedulerSettings(config.integer(Setting.JOB_THREADS, 1, 200), config.duration(Setting.JOB_POLL_INTERVAL),
                config.duration(Setting.JOB_HEARTBEAT), config.integer(Setting.JOB_MISSED_HEARTBEATS, 2, 100),
                config.duration(Setting.JOB_SHUTDOWN_WAIT), config.duration(Setting.JOB_RETRY_BACKOFF),
                SchedulerSettings.defaultInstanceName());
    }

    @Provides
    @Singleton
    static WorkerSettings workerSettings(AppConfig config) {
        return new WorkerSettings(config.duration(Setting.DRIFT_SCAN_INTERVAL), config.duration(Setting.TOKEN_EXPIRY_CHECK_INTERVAL),
                config.duration(Setting.JOB_HOUSEKEEPING_INTERVAL), config.duration(Setting.JOB_RETENTION), config.integer(Setting.JOB_MAX_ATTEMPTS, 1, 100));
    }

    @Provides
    @Singleton
    static TemplateCatalogPort templates(AppConfig config) {
        return TemplateRegistry.load(config.optional(Setting.PLUGINS_DIR).map(java.nio.file.Path::of));
    }

    /** Markdown page bodies are converted locally, by the same walker that renders declarative templates. */
    @Provides
    static MarkdownPort markdown() {
        return MarkdownToStorage::convert;
    }

    @Provides
    @Singleton
    static ClockPort clock(Clock clock) {
        return clock::instant;
    }

    /** A duration setting that must be longer than zero. */
    static java.time.Duration positive(AppConfig config, Setting setting) {
        java.time.Duration d = config.duration(setting);
        if (d.isZero()) {
            throw ai.askel.confluence.domain.error.InvalidInputException.of(config.source(setting), "must be longer than zero");
        }
        return d;
    }

    static long maxAttachmentBytes(AppConfig config) {
        return config.longValue(Setting.MAX_ATTACHMENT_BYTES, 1, ConfluenceClientSettings.MAX_REQUEST_BYTES);
    }
}
