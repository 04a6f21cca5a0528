package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.HealthCheckPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers: borrows a connection and asks the driver to validate it, on a
 * separate thread, and gives up after {@link #TIMEOUT} so a stuck database never hangs the caller.
 */
@Singleton
final class DatabaseHealthAdapter implements HealthCheckPort, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "askel-db-health");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    DatabaseHealthAdapter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean isHealthy() {
        Future<Boolean> probe;
        try {
            probe = probes.submit(this::probe);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // closed
        }
        try {
            return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            probe.cancel(true);
            return false;
        } catch (InterruptedException e) {
            probe.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean probe() throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) TIMEOUT.toSeconds());
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
