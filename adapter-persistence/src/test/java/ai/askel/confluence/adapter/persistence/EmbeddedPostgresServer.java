package ai.askel.confluence.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, started on first use (about a second) and stopped when the JVM
 * exits; every test class gets a database of its own, so classes never see each other's rows.
 */
final class EmbeddedPostgresServer {
    static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** A new, empty database; answers its JDBC URL (user {@link #USER}, no password). */
    static String newDatabase() {
        String name = "askel_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
