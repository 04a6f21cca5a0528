package ai.askel.confluence.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * The embedded H2 database's store, reached through a pooled connection. No public H2 API compacts an open file
 * database, so this goes through H2's own classes ({@code SessionLocal}, {@code MVStore}); the tests that compact
 * fail at once if an H2 upgrade moves them.
 */
final class EmbeddedStore {
    /** Rounds of {@link #scrub} at most; the layouts of {@code SecretsAtRestTest} needed none to two. */
    private static final int MAX_SCRUB_ROUNDS = 16;
    /** What {@code compactFile} may take of a scrub's time (as the periodic compaction may take). */
    private static final Duration FIRST_COMPACTION = Duration.ofSeconds(1);
    /** Live data one round rewrites at most (H2's own compaction takes the same steps), so memory stays bounded. */
    private static final int REWRITE_PER_ROUND = 16 << 20;
    /** Chunks one round moves at most, so commits, which wait while chunks move, are not held up for long. */
    private static final long MOVE_PER_ROUND = 64L << 20;

    private EmbeddedStore() {
    }

    /** What {@link #scrub} found. */
    enum Scrub {
        /** The connection's database is not an embedded H2 file: nothing was done. */
        NOT_EMBEDDED,
        /** A read of the whole file found none of the strings. */
        CLEAN,
        /** The rounds or the time ran out with a copy still in the file, or before a read of it could finish. */
        NOT_CLEARED
    }

    /**
     * Compacts the file of the embedded database {@code connection} belongs to, for at most {@code max}: H2 rewrites the
     * live data and drops the chunks nothing needs. Answers false, doing nothing, for any other database.
     */
    static boolean compact(Connection connection, Duration max) throws SQLException {
        return withStore(connection, store -> {
            withoutRetention(store, () -> store.compactFile((int) max.toMillis()));
            return true;
        }).isPresent();
    }

    /**
     * Compacts the file until it holds no copy of the {@code retired} byte strings (ciphertexts a commit replaced or
     * deleted), for at most about {@code max}. H2 writes every commit to a new chunk and never overwrites a page in place:
     * an old copy stays in a chunk that still holds live pages, and in the space of a dropped chunk until something is
     * written over it. {@code compactFile} alone rewrites chunks only while the file is less than 90 % full, so in a file
     * of mostly live data the copies stayed. So each round has H2 rewrite the live pages of chunks that hold a dead page
     * ({@code compact(100, …)}, up to {@value #REWRITE_PER_ROUND} bytes), then move chunks towards the file's start, over
     * the space of dropped chunks, and cut off the end (up to {@value #MOVE_PER_ROUND} bytes); then reads the file. A
     * dropped chunk is freed only once no version in use needs it, which the next round's writes bring about; and under a
     * steady stream of commits a round's rewrite may not get H2's lock (it tries for 10 ms), which a later round makes up.
     */
    static Scrub scrub(Connection connection, Collection<byte[]> retired, Duration max) throws SQLException {
        long giveUpAt = System.nanoTime() + max.toNanos();
        return withStore(connection, store -> {
            if (!(store.getFileStore() instanceof RandomAccessStore chunks)) {
                return Scrub.NOT_EMBEDDED; // an in-memory database has no file
            }
            Path file = Path.of(chunks.getFileName());
            withoutRetention(store, () -> store.compactFile((int) Math.min(max.toMillis(), FIRST_COMPACTION.toMillis())));
            for (int round = 1; ; round++) {
                FileSearch.Result found = search(file, retired, giveUpAt);
                if (found == FileSearch.Result.ABSENT) {
                    return Scrub.CLEAN;
                }
                if (found == FileSearch.Result.UNFINISHED || round > MAX_SCRUB_ROUNDS || System.nanoTime() - giveUpAt > 0) {
                    return Scrub.NOT_CLEARED;
                }
                withoutRetention(store, () -> store.compact(100, REWRITE_PER_ROUND));
                withoutRetention(store, () -> chunks.compactMoveChunks(101, MOVE_PER_ROUND, store));
            }
        }).orElse(Scrub.NOT_EMBEDDED);
    }

    private static FileSearch.Result search(Path file, Collection<byte[]> retired, long giveUpAt) {
        try {
            return FileSearch.search(file, retired, giveUpAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one of H2's compaction steps with the store's retention time at 0, as they need to drop and overwrite recent
     * chunks, and puts it back at once. {@code compactFile} sets it to 0 for good; left so, every commit frees the space
     * of chunks that recovery after a kill may still need, and the last answered commits can be lost (the crash test
     * caught it). So commits made between the steps (while a scrub reads the file) run with the usual retention time.
     */
    private static void withoutRetention(MVStore store, Runnable step) {
        int retention = store.getRetentionTime();
        store.setRetentionTime(0);
        try {
            step.run();
        } finally {
            store.setRetentionTime(retention);
        }
    }

    /**
     * Runs {@code compaction} on the store of the embedded database {@code connection} belongs to; empty, doing nothing,
     * for any other database. Compactions of one store take turns (they lock the store itself), so none puts back a
     * retention time of 0 that another one set; the stores of two databases in one process do not wait for each other.
     */
    private static <T> Optional<T> withStore(Connection connection, Function<MVStore, T> compaction) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        synchronized (store) {
            return Optional.of(compaction.apply(store));
        }
    }
}
