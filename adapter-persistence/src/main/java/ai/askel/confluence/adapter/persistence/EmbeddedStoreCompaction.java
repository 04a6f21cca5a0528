package ai.askel.confluence.adapter.persistence;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database's file from growing without bound. With durable commits ({@code WRITE_DELAY=0}) H2
 * writes every commit in the committing thread and runs no background writer, and that writer is what compacts the
 * store: every commit's chunk stays in the file (about 13 KB for an audit event) until the database is closed. One
 * thread adding and removing a label in a loop, about 1,200 commits a second, grew the file by 16 MB a second. So this
 * looks at the file's size every {@link #CHECK_EVERY} (a {@code stat}, nothing more) and, once it has grown by
 * {@link #GROWTH} since it was last compacted, has H2 compact it ({@link EmbeddedStore#compact}, for at most
 * {@link #MAX_COMPACTION}); between compactions the file grows by at most {@link #GROWTH} and what commits write in one
 * {@link #CHECK_EVERY}. Commits wait while a compaction runs (a few hundred milliseconds for tens of megabytes). A
 * PostgreSQL database, or a database the host supplied, is left alone.
 */
@Singleton
final class EmbeddedStoreCompaction implements AutoCloseable {
    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final long GROWTH = 64L * 1024 * 1024;
    static final Duration MAX_COMPACTION = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCompaction.class);

    private final DataSource dataSource;
    private final Optional<Path> file;
    private final long growth;
    private ScheduledExecutorService timer;
    private long compactedAt;
    private boolean closed;

    @Inject
    EmbeddedStoreCompaction(DataSource dataSource, PersistenceSettings settings, Optional<HostDatabaseSettings> host) {
        this(dataSource, settings.isEmbedded() && host.flatMap(HostDatabaseSettings::dataSource).isEmpty()
                ? Optional.of(settings.dataDirectory().resolve(PersistenceSettings.EMBEDDED_DATABASE_NAME + ".mv.db"))
                : Optional.empty(), GROWTH);
    }

    EmbeddedStoreCompaction(DataSource dataSource, Optional<Path> file, long growth) {
        this.dataSource = dataSource;
        this.file = file;
        this.growth = growth;
    }

    /** Starts the periodic check (embedded database only); the file as it is now counts as compacted. */
    synchronized void start() {
        if (file.isEmpty() || timer != null || closed) {
            return;
        }
        compactedAt = size(file.get());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "askel-db-compaction");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkQuietly, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Compacts the file if it grew by the threshold since it was last compacted; answers whether it did. */
    synchronized boolean compactIfGrown() {
        if (file.isEmpty() || closed) {
            return false;
        }
        long before = size(file.get());
        if (before - compactedAt < growth) {
            return false;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!EmbeddedStore.compact(connection, MAX_COMPACTION)) {
                return false;
            }
        } catch (SQLException e) {
            LOG.warn("the embedded database could not be compacted: {}", e.getClass().getSimpleName());
            return false;
        }
        compactedAt = size(file.get());
        LOG.info("embedded database compacted from {} to {} MB in {} ms", before >> 20, compactedAt >> 20,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
    }

    private void checkQuietly() {
        try {
            compactIfGrown();
        } catch (RuntimeException e) {
            // the next round tries again; a failing compaction must not end the schedule
            LOG.warn("the embedded database could not be compacted: {}", e.getClass().getSimpleName());
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Stops the check; a compaction under way ends first (it holds this object's lock) and none starts after. The
     * thread is not interrupted: an interrupt during file I/O would close H2's file channel under the store. H2
     * compacts the file once more when the database closes.
     */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            closed = true;
            stopping = timer;
            timer = null;
        }
        if (stopping != null) {
            stopping.shutdown();
        }
    }
}
