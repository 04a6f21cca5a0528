package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the connector keeps its state.
 *
 * <p>With no JDBC URL it uses an embedded H2 file database in {@code dataDirectory} (no server to
 * install); with a JDBC URL ({@code jdbc:postgresql://...}) several instances can share one
 * PostgreSQL database. The master key that encrypts API tokens comes from {@code masterKeyBase64}
 * (the app passes {@code ASKEL_MASTER_KEY}, or {@code askel.master-key} of its properties file) or, when absent, from {@code master.key} in the data
 * directory, created with owner-only permissions on first start.
 *
 * @param dataDirectory   the embedded database and the key file live here; default {@code ./askel-data}
 * @param jdbcUrl         a database to use instead of the embedded one
 * @param user            the database user, for {@code jdbcUrl}
 * @param password        the database password, for {@code jdbcUrl} (never printed)
 * @param masterKeyBase64 a base64-encoded 32-byte AES key (never printed)
 * @param masterKeySource where {@code masterKeyBase64} was given, as a message about it names the place (an
 *                        environment variable, a properties file's key); {@value #DEFAULT_MASTER_KEY_SOURCE} unless said
 * @param poolSize        the most database connections this instance holds open
 * @param connectionCacheTtl how long a connection read from the database is served from memory; a change made
 *                        through this instance takes effect at once, one made by another instance sharing the
 *                        database within this time ({@code Duration.ZERO}: every lookup reads the database)
 */
public record PersistenceSettings(Path dataDirectory, Optional<String> jdbcUrl, Optional<String> user,
                                  Optional<String> password, Optional<String> masterKeyBase64, String masterKeySource, int poolSize,
                                  Duration connectionCacheTtl) {
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("askel-data");
    /** How messages name where a configured master key came from, when nothing more precise was said. */
    public static final String DEFAULT_MASTER_KEY_SOURCE = "ASKEL_MASTER_KEY";
    /**
     * Transactions here are short (single-digit milliseconds) and never span a Confluence call, so a
     * few connections serve many concurrent requests; see docs/persistence.md for the sizing.
     */
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 100;
    /**
     * A lookup of the connection costs a database round trip and a token decryption on every call; five seconds
     * makes that once per connection per five seconds under load, and bounds how long another instance's change
     * (credentials rotated, connection removed) goes unseen here.
     */
    public static final Duration DEFAULT_CONNECTION_CACHE_TTL = Duration.ofSeconds(5);
    public static final Duration MAX_CONNECTION_CACHE_TTL = Duration.ofMinutes(5);
    /** The embedded database's files are {@code <name>.mv.db} (and {@code <name>.trace.db}) in the data directory. */
    public static final String EMBEDDED_DATABASE_NAME = "askel";
    /** The H2 setting that writes every commit to the file before the commit returns. */
    static final String DURABLE_COMMITS = "WRITE_DELAY=0";
    /**
     * The H2 setting that splits the store's pages at 4 KB instead of its default 16 KB. A durable commit writes every
     * page it changed, whole, to a new chunk of the file, and appending an audit event changes the last leaf of the
     * table and of each of its indexes: with smaller pages a commit writes half the bytes (an audit event: 24 → 12 KB)
     * and takes about a quarter less CPU (docs/persistence.md). It applies to an existing file too, as pages are rewritten.
     */
    static final String SMALL_PAGES = "PAGE_SIZE=4096";

    public PersistenceSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        jdbcUrl = blankToEmpty(jdbcUrl, "jdbcUrl");
        user = blankToEmpty(user, "user");
        password = Objects.requireNonNull(password, "password");
        masterKeyBase64 = blankToEmpty(masterKeyBase64, "masterKeyBase64");
        Objects.requireNonNull(masterKeySource, "masterKeySource");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw InvalidInputException.of("poolSize", "must be between 1 and %d, was %d".formatted(MAX_POOL_SIZE, poolSize));
        }
        Objects.requireNonNull(connectionCacheTtl, "connectionCacheTtl");
        if (connectionCacheTtl.isNegative() || connectionCacheTtl.compareTo(MAX_CONNECTION_CACHE_TTL) > 0) {
            throw InvalidInputException.of("connectionCacheTtl", "must be between PT0S and %s, was %s"
                    .formatted(MAX_CONNECTION_CACHE_TTL, connectionCacheTtl));
        }
        if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:")) {
            throw InvalidInputException.of("jdbcUrl", "must start with 'jdbc:' (for example jdbc:postgresql://db:5432/askel)");
        }
    }

    /** The embedded H2 database in {@code ./askel-data}, with the key file beside it. */
    public static PersistenceSettings defaults() {
        return new PersistenceSettings(DEFAULT_DATA_DIRECTORY, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), DEFAULT_MASTER_KEY_SOURCE, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_CACHE_TTL);
    }

    public PersistenceSettings withDataDirectory(Path directory) {
        return new PersistenceSettings(directory, jdbcUrl, user, password, masterKeyBase64, masterKeySource, poolSize, connectionCacheTtl);
    }

    public PersistenceSettings withDatabase(String url, String newUser, String newPassword) {
        return new PersistenceSettings(dataDirectory, Optional.of(url), Optional.ofNullable(newUser),
                Optional.ofNullable(newPassword), masterKeyBase64, masterKeySource, poolSize, connectionCacheTtl);
    }

    public PersistenceSettings withMasterKeyBase64(String keyBase64) {
        return withMasterKeyBase64(keyBase64, DEFAULT_MASTER_KEY_SOURCE);
    }

    /** The master key, and where it was given ({@code askel.master-key in /etc/askel.properties}), for messages about it. */
    public PersistenceSettings withMasterKeyBase64(String keyBase64, String source) {
        return new PersistenceSettings(dataDirectory, jdbcUrl, user, password, Optional.of(keyBase64), source, poolSize, connectionCacheTtl);
    }

    public PersistenceSettings withPoolSize(int size) {
        return new PersistenceSettings(dataDirectory, jdbcUrl, user, password, masterKeyBase64, masterKeySource, size, connectionCacheTtl);
    }

    public PersistenceSettings withConnectionCacheTtl(Duration ttl) {
        return new PersistenceSettings(dataDirectory, jdbcUrl, user, password, masterKeyBase64, masterKeySource, poolSize, ttl);
    }

    /**
     * The URL actually used: the configured one, or the embedded H2 file database in the data
     * directory. H2 does not close it from its own shutdown hook: {@code PersistenceLifecycle.close()}
     * does, after the app stopped taking requests (H2's store stays consistent even if it never runs).
     *
     * <p>{@code WRITE_DELAY=0} makes a commit durable before it returns. With H2's default (500 ms)
     * a commit only changes the store in memory and a background thread writes it to the file up to
     * half a second later, so a process killed in between loses writes it already acknowledged. With
     * 0, H2's {@code TransactionStore} writes the store to the file in the committing thread (see
     * docs/persistence.md for what that covers and what it costs); {@link #SMALL_PAGES} makes each such write smaller.
     */
    public String effectiveJdbcUrl() {
        return jdbcUrl.orElseGet(() -> "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve(EMBEDDED_DATABASE_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;" + DURABLE_COMMITS + ";" + SMALL_PAGES);
    }

    /** Whether the embedded H2 file database in the data directory is used. */
    public boolean isEmbedded() {
        return jdbcUrl.isEmpty();
    }

    @Override
    public String toString() {
        return "PersistenceSettings[dataDirectory=" + dataDirectory + ", jdbcUrl=" + jdbcUrl.map(PersistenceSettings::shownJdbcUrl)
                .orElse("(embedded H2)") + ", user=" + user.orElse("(none)") + ", password=" + password.map(p -> "****").orElse("(none)")
                + ", masterKey=" + masterKeyBase64.map(k -> "****").orElse("(key file)") + ", poolSize=" + poolSize + ", connectionCacheTtl=" + connectionCacheTtl + "]";
    }

    /** A JDBC URL as it may be shown: it may carry a password in its parameters, so only the part before them is. */
    public static String shownJdbcUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return cut < url.length() ? url.substring(0, cut) + "..." : url;
    }

    private static Optional<String> blankToEmpty(Optional<String> value, String field) {
        return Objects.requireNonNull(value, field).map(String::strip).filter(v -> !v.isEmpty());
    }
}
