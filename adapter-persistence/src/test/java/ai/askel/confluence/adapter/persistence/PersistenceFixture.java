package ai.askel.confluence.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/** A fresh database of one kind, the adapter started on it, and a temporary data directory; closes all of it. */
final class PersistenceFixture implements AutoCloseable {
    private final TestDatabase database;
    private final Path directory;
    private final PersistenceSettings settings;
    private final List<TestPersistenceComponent> started = new ArrayList<>();

    private PersistenceFixture(TestDatabase database) {
        this.database = database;
        try {
            this.directory = Files.createTempDirectory("askel-persistence-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = database.settings(directory.resolve("data"));
    }

    static PersistenceFixture create(TestDatabase database) {
        return new PersistenceFixture(database);
    }

    TestDatabase database() {
        return database;
    }

    PersistenceSettings settings() {
        return settings;
    }

    Path dataDirectory() {
        return settings.dataDirectory();
    }

    /** Starts the adapter on this database (migrating it and checking the key). */
    TestPersistenceComponent start() {
        return start(settings);
    }

    TestPersistenceComponent start(PersistenceSettings with) {
        return start(with, HostDatabaseSettings.defaults());
    }

    /** Starts the adapter as a host would embed it: its database, history table and migration choice. */
    TestPersistenceComponent start(PersistenceSettings with, HostDatabaseSettings host) {
        return start(with, host, Fixtures.SCHEDULER);
    }

    /** Starts the adapter on this database with a worker of its own settings. */
    TestPersistenceComponent start(SchedulerSettings scheduler) {
        return start(settings, HostDatabaseSettings.defaults(), scheduler);
    }

    private TestPersistenceComponent start(PersistenceSettings with, HostDatabaseSettings host, SchedulerSettings scheduler) {
        TestPersistenceComponent component = DaggerTestPersistenceComponent.factory().create(with, host, scheduler);
        component.lifecycle();
        started.add(component);
        return component;
    }

    /** Stops every adapter started so far (closing the embedded file database). */
    void stopAll() {
        started.forEach(c -> c.lifecycle().close());
        started.clear();
    }

    /**
     * A pool on this database as a host opens its own: nothing is created in it (the connector's pool would create a new
     * embedded database's schema). The caller closes it.
     */
    HikariDataSource hostPool() {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    /** Plain JDBI on the database, for reading and damaging raw rows as an attacker or a bug would. */
    Jdbi raw() {
        Properties credentials = new Properties();
        settings.user().ifPresent(user -> credentials.setProperty("user", user));
        settings.password().ifPresent(password -> credentials.setProperty("password", password));
        return Jdbi.create(settings.effectiveJdbcUrl(), credentials);
    }

    /** Answers {@code SELECT COUNT(*) ...} with {@code :v} bound to {@code value}, read past the adapter. */
    int count(String sql, String value) {
        return raw().withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        stopAll();
        if (settings.effectiveJdbcUrl().startsWith("jdbc:h2:mem:")) {
            try {
                raw().useHandle(h -> h.execute("SHUTDOWN")); // DB_CLOSE_DELAY=-1 would keep it for the JVM's life
            } catch (RuntimeException e) {
                // already closed: H2 closes its databases when the JVM exits
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
