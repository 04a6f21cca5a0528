package ai.askel.confluence.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CQL search index, which lags behind writes by {@code delay} as Confluence's does: each write adds a snapshot of the
 * page that becomes visible once the delay has passed, and a search sees each page's newest visible snapshot. It holds no
 * lock of its own: {@link Store} calls it under the store's lock.
 */
final class SearchIndex {

    private record Indexed(Instant visibleAt, Cql.Doc doc) {
    }

    private final Clock clock;
    private final Map<Long, Deque<Indexed>> entries = new TreeMap<>();
    private volatile Duration delay;

    SearchIndex(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    Duration delay() {
        return delay;
    }

    /** Records the page as it is now; a page that is not current drops out of searches once this snapshot is visible. */
    void reindex(Store.Page page, Store.Space space) {
        Instant lastModified = page.current().createdAt();
        Cql.Doc doc = new Cql.Doc(page.id, "page", space.key, page.title(),
                Set.copyOf(new LinkedHashSet<>(page.labels.keySet())), page.createdAt, lastModified);
        Deque<Indexed> snapshots = entries.computeIfAbsent(page.id, k -> new ArrayDeque<>());
        snapshots.addLast(new Indexed(clock.instant().plus(delay), "current".equals(page.status) ? doc : null));
    }

    /** Forgets the page at once (its space was deleted). */
    void remove(long pageId) {
        entries.remove(pageId);
    }

    /** The documents the index shows now: for each page, its newest snapshot that has become visible. */
    List<Cql.Doc> searchable() {
        Instant now = clock.instant();
        List<Cql.Doc> out = new ArrayList<>();
        for (Deque<Indexed> snapshots : entries.values()) {
            while (snapshots.size() > 1) {
                Iterator<Indexed> it = snapshots.iterator();
                it.next();
                if (it.next().visibleAt().isAfter(now)) {
                    break;
                }
                snapshots.removeFirst();
            }
            Indexed first = snapshots.peekFirst();
            if (first != null && !first.visibleAt().isAfter(now) && first.doc() != null) {
                out.add(first.doc());
            }
        }
        return out;
    }
}
