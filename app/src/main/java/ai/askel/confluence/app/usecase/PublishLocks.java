package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.DeadlineExceededException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.RequestDeadline;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes of one runbook in this connector take turns (concurrent first publishes would each find the
 * new page without its files and upload them, a version each); publishes of other runbooks never wait for
 * each other. One lock per runbook being published, dropped once nobody holds or waits for it, so the map
 * is bounded by the publishes in flight. Instance-scoped: two connectors (or two processes) are ordered by
 * the runbook row's revision in the database, not by this. A publish serving a request waits no longer than
 * what is left of the request's deadline ({@link RequestDeadline}), so a caller that has given up is not kept
 * holding a thread. {@link #forParentPages()} gives the same turns for finding or creating a parent page.
 */
@Singleton
final class PublishLocks {
    /**
     * How long a publish waits for another publish of the same runbook (an upload of a large file may take minutes),
     * unless its request's deadline ends sooner.
     */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(10);

    private record Key(ConnectionId connection, SpaceKey space, Title title) {
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final ConcurrentHashMap<Key, Entry> locks = new ConcurrentHashMap<>();
    private final String subject;
    private final Duration wait;

    @Inject
    public PublishLocks() {
        this(DEFAULT_WAIT);
    }

    PublishLocks(Duration wait) {
        this("another publish of runbook '%s' in space %s", wait);
    }

    /** {@code subject}: what a waiter waits for, given the title and the space. */
    private PublishLocks(String subject, Duration wait) {
        this.subject = subject;
        this.wait = wait;
    }

    /** Turns for publishes that find or create one parent page, the first publishes under it. */
    static PublishLocks forParentPages() {
        return new PublishLocks("another publish to find or create the parent page '%s' in space %s", DEFAULT_WAIT);
    }

    Held acquire(ConnectionId connection, SpaceKey space, Title title) {
        Key key = new Key(connection, space, title);
        Entry entry = locks.compute(key, (k, e) -> {
            Entry used = e == null ? new Entry() : e;
            used.users++;
            return used;
        });
        // the request's deadline, when it ends before the wait does: then it is what the caller runs out of
        Optional<Deadline> deadline = RequestDeadline.current().filter(d -> d.remaining().compareTo(wait) < 0);
        Duration patience = deadline.map(Deadline::remaining).orElse(wait);
        boolean locked;
        try {
            locked = entry.lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            release(key);
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorCode.SERVER_BUSY, ("interrupted while waiting for %s to finish (the connector may be shutting"
                    + " down); nothing was published").formatted(subject.formatted(title, space)), null, e);
        }
        if (!locked) {
            release(key);
            if (deadline.isPresent()) {
                throw new DeadlineExceededException("the request's deadline of %s passed while waiting for %s to finish; nothing was published"
                        .formatted(seconds(deadline.get().budget()), subject.formatted(title, space)), null);
            }
            throw new ConflictException("%s is still running; try again".formatted(subject.formatted(title, space)));
        }
        return () -> {
            entry.lock.unlock();
            release(key);
        };
    }

    private void release(Key key) {
        locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Runbooks with a publish holding or waiting for their lock (for tests: the map does not grow). */
    int inFlight() {
        return locks.size();
    }
}
