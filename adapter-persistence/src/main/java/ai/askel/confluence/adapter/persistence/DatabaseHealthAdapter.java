package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.HealthCheckPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether the database answers: borrows a connection and asks the driver to validate it, on a
 * separate thread, and gives up after {@link #TIMEOUT} so a stuck database never hangs the caller.
 * The probes run on the host's executor when it gave one, else on a small daemon pool of this adapter's own.
 */
@Singleton
final class DatabaseHealthAdapter implements HealthCheckPort, AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final Optional<ExecutorService> own;
    private final Executor probes;
    private volatile boolean closed;

    @Inject
    DatabaseHealthAdapter(DataSource dataSource, Optional<HostDatabaseSettings> host) {
        this.dataSource = dataSource;
        Optional<Executor> hosts = host.flatMap(HostDatabaseSettings::executor);
        this.own = hosts.isPresent() ? Optional.empty() : Optional.of(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "askel-db-health");
            thread.setDaemon(true);
            return thread;
        }));
        this.probes = hosts.orElseGet(own::orElseThrow);
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean isHealthy() {
        if (closed) {
            return false;
        }
        FutureTask<Boolean> probe = new FutureTask<>(this::probe);
        try {
            probes.execute(probe);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // closed, or the host's executor is shutting down
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
        closed = true;
        own.ifPresent(ExecutorService::shutdownNow); // the host's executor is the host's to shut down
    }
}
