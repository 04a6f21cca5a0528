package ai.askel.confluence.app;

import ai.askel.confluence.adapter.persistence.HostDatabaseSettings;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.wiring.ConnectorComponent;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What an {@link AskelConfluence.Builder} collects, and how it becomes a connector's configuration and component: the
 * settings given over the environment's (or the defaults), and the host's database, clock and meter registry.
 */
final class ConnectorAssembly {
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);
    private final List<String> origins = new ArrayList<>();
    private boolean readEnvironment;
    private HostDatabaseSettings database = HostDatabaseSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Optional<MeterRegistry> meterRegistry = Optional.empty();

    void set(Setting setting, String value) {
        values.put(setting, value);
    }

    /** Checks the key before it is kept, so a wrong one fails at the builder call that gave it. */
    void masterKeyBase64(String key) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(Objects.requireNonNull(key, "key").strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH, "the key given to masterKeyBase64 is not valid base64");
        }
        int length = decoded.length;
        Arrays.fill(decoded, (byte) 0);
        if (length != 32) {
            throw new ConnectorException(ErrorCode.SECRET_KEY_MISMATCH,
                    "the key given to masterKeyBase64 must be 32 bytes (AES-256) in base64, but it is " + length + " bytes");
        }
        values.put(Setting.MASTER_KEY, key);
    }

    void allowSiteOrigin(String origin) {
        origins.add(origin);
    }

    void readEnvironment() {
        readEnvironment = true;
    }

    void database(UnaryOperator<HostDatabaseSettings> change) {
        database = change.apply(database);
    }

    void clock(Clock hostClock) {
        clock = Objects.requireNonNull(hostClock, "hostClock");
    }

    void meterRegistry(MeterRegistry hostRegistry) {
        meterRegistry = Optional.of(hostRegistry);
    }

    /** The settings given, over the process's environment when asked for, else over the defaults. */
    AppConfig config() {
        Map<Setting, String> overrides = new EnumMap<>(values);
        if (!origins.isEmpty()) {
            overrides.put(Setting.ALLOWED_SITE_ORIGINS, String.join(",", origins));
        }
        return AppConfig.load(readEnvironment ? System.getenv() : Map.of(), Optional.empty(), overrides);
    }

    ConnectorComponent component(AppConfig config) {
        return ConnectorComponent.create(config, database, clock, meterRegistry);
    }
}
