package ai.askel.confluence.app.config;

import ai.askel.confluence.adapter.persistence.PersistenceSettings;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The connector's configuration: defaults, overridden by an optional properties file, overridden by
 * environment variables, overridden by explicit values (command-line options). Every value is
 * checked when read, and a bad one names its setting.
 */
public final class AppConfig {
    private final Map<Setting, String> values;
    /** The settings read from the properties file, with its path: a message about one names the file's key and the file. */
    private final Map<Setting, Path> fromFile;

    private AppConfig(Map<Setting, String> values, Map<Setting, Path> fromFile) {
        this.values = values;
        this.fromFile = fromFile;
    }

    /** Defaults only (tests, embedding). */
    public static AppConfig defaults() {
        return load(Map.of(), Optional.empty(), Map.of());
    }

    /** From this process's environment and an optional properties file. */
    public static AppConfig fromEnvironment(Optional<Path> propertiesFile) {
        return load(System.getenv(), propertiesFile, Map.of());
    }

    public static AppConfig load(Map<String, String> environment, Optional<Path> propertiesFile, Map<Setting, String> overrides) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, Path> fromFile = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
        }
        propertiesFile.ifPresent(file -> {
            Properties properties = read(file);
            for (Setting s : Setting.values()) {
                String v = properties.getProperty(s.property());
                if (v != null) {
                    values.put(s, v.strip());
                    fromFile.put(s, file);
                }
            }
            for (String name : properties.stringPropertyNames()) {
                if (Arrays.stream(Setting.values()).noneMatch(s -> s.property().equals(name))) {
                    throw InvalidInputException.of(name, "is not a setting of the connector (in " + file + "); see docs/configuration.md");
                }
            }
        });
        for (Setting s : Setting.values()) {
            String v = environment.get(s.environmentVariable());
            if (v != null && !v.isBlank()) {
                values.put(s, v.strip());
                fromFile.remove(s);
            }
        }
        overrides.forEach((s, v) -> {
            values.put(s, v.strip());
            fromFile.remove(s);
        });
        return new AppConfig(values, fromFile);
    }

    /** The same configuration with some values replaced. */
    public AppConfig with(Setting setting, String value) {
        Map<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        Map<Setting, Path> stillFromFile = new EnumMap<>(Setting.class);
        stillFromFile.putAll(fromFile);
        stillFromFile.remove(setting);
        return new AppConfig(copy, stillFromFile);
    }

    /**
     * Where the setting's value was given, as a message about it names the place: {@code askel.master-key in FILE} for a
     * value read from the properties file, else the environment variable (for a value from the environment, and for a
     * default or a value given in code or as a command option, which the operator sets through that variable otherwise).
     */
    public String source(Setting setting) {
        Path file = fromFile.get(setting);
        return file == null ? setting.environmentVariable() : setting.property() + " in " + file;
    }

    public String string(Setting setting) {
        return values.get(setting);
    }

    public Optional<String> optional(Setting setting) {
        String v = values.get(setting);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public int integer(Setting setting, int min, int max) {
        String v = values.get(setting);
        try {
            int parsed = Integer.parseInt(v);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number from %d to %d".formatted(min, max));
        }
    }

    public long longValue(Setting setting, long min, long max) {
        String v = values.get(setting);
        try {
            long parsed = Long.parseLong(v);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number from %d to %d".formatted(min, max));
        }
    }

    /** An ISO-8601 duration: {@code PT30S}, or a whole number of days such as {@code P14D}. */
    public Duration duration(Setting setting) {
        String v = values.get(setting);
        Duration parsed;
        try {
            parsed = Duration.parse(v);
        } catch (DateTimeParseException e) {
            try {
                Period period = Period.parse(v);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw invalid(setting, "must be given in days or smaller units, such as P14D or PT30S");
                }
                parsed = Duration.ofDays(period.getDays());
            } catch (DateTimeParseException notAPeriod) {
                throw invalid(setting, "must be an ISO-8601 duration such as PT30S or P14D");
            }
        }
        if (parsed.isNegative()) {
            throw invalid(setting, "must not be negative");
        }
        return parsed;
    }

    /** A duration setting that must lie between {@code min} and {@code max}, both included. */
    public Duration duration(Setting setting, Duration min, Duration max) {
        Duration parsed = duration(setting);
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw invalid(setting, "must be from %s to %s, was %s".formatted(min, max, parsed));
        }
        return parsed;
    }

    public Path path(Setting setting) {
        return Path.of(values.get(setting));
    }

    public List<String> list(Setting setting) {
        return Arrays.stream(values.get(setting).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private InvalidInputException invalid(Setting setting, String problem) {
        return InvalidInputException.of(source(setting), problem);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw InvalidInputException.of("config", "cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("AppConfig[");
        for (Setting s : Setting.values()) {
            String v = values.get(s);
            String shown = s.isSecret() && !v.isEmpty() ? "****" : s == Setting.DATABASE_URL ? PersistenceSettings.shownJdbcUrl(v) : v;
            out.append(s.environmentVariable()).append('=').append(shown).append(", ");
        }
        return out.append(']').toString();
    }
}
