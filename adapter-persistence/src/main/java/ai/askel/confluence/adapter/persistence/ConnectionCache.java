package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Connections read recently, so that each call through a connection does not pay a database round trip and a
 * token decryption. An entry lives for the time-to-live; a save or delete through this instance drops it at once,
 * so only a change made by another instance sharing the database can go unseen, and for at most that long.
 *
 * <p>A lookup that races a write never keeps what it read: every write bumps a generation, and a lookup whose
 * generation moved while it read the row takes its entry out again. Misses are not remembered (a connection
 * registered elsewhere is seen at once), and the cache holds at most {@link #MAX_ENTRIES} connections.
 */
final class ConnectionCache {
    static final int MAX_ENTRIES = 10_000;

    private record Key(String workspace, String connection) {
    }

    private record Entry(Connection connection, long loadedAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;

    ConnectionCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Connection> find(WorkspaceId workspace, ConnectionId id, Supplier<Optional<Connection>> load) {
        if (ttlNanos == 0) {
            return load.get();
        }
        Key key = new Key(workspace.value(), id.value());
        long now = System.nanoTime();
        Entry cached = entries.get(key);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return Optional.of(cached.connection());
        }
        long seen = generation.get();
        Optional<Connection> loaded = load.get();
        if (loaded.isEmpty()) {
            entries.remove(key);
            return loaded;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(loaded.get(), now));
        if (generation.get() != seen) {
            entries.remove(key);
        }
        return loaded;
    }

    /** Forgets the connection; called before and after every write of it. */
    void forget(WorkspaceId workspace, ConnectionId id) {
        generation.incrementAndGet();
        entries.remove(new Key(workspace.value(), id.value()));
    }
}
