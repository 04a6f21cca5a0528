package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** CQL search via v1 {@code /content/search}; only pages are returned (blog posts, attachments and comments are skipped). */
@Singleton
final class ConfluenceSearchAdapter implements ConfluenceSearchPort {
    static final String PATH = "/rest/api/content/search";

    private final ConfluenceClients clients;

    @Inject
    ConfluenceSearchAdapter(ConfluenceClients clients) {
        this.clients = clients;
    }

    @Override
    public Slice<PageSummary> search(ConfluenceAccess access, CqlQuery query, int limit, Optional<String> cursor) {
        ConnectionClient c = clients.of(access);
        return fetch(c, query, Limits.search(limit), cursor.orElse(null), false);
    }

    @Override
    public Stream<PageSummary> stream(ConfluenceAccess access, CqlQuery query, int pageSize) {
        return stream(access, query, pageSize, false);
    }

    @Override
    public Stream<PageSummary> streamWithAttachments(ConfluenceAccess access, CqlQuery query, int pageSize) {
        return stream(access, query, pageSize, true);
    }

    private Stream<PageSummary> stream(ConfluenceAccess access, CqlQuery query, int pageSize, boolean withAttachments) {
        ConnectionClient c = clients.of(access);
        int limit = Limits.search(pageSize);
        Iterator<PageSummary> pages = new Iterator<>() {
            private final Set<String> seenCursors = new HashSet<>();
            private Iterator<PageSummary> current = List.<PageSummary>of().iterator();
            private Optional<String> next = Optional.empty();
            private boolean started;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    if (started && next.isEmpty()) {
                        done = true;
                        break;
                    }
                    String cursor = next.orElse(null);
                    started = true;
                    Slice<PageSummary> slice = UnusableAnswers.unchecked(() -> fetch(c, query, limit, cursor, withAttachments));
                    current = slice.items().iterator();
                    next = slice.nextCursor();
                    // an empty page, or a cursor already followed, ends the search: never loop forever
                    if (slice.items().isEmpty() || next.isPresent() && !seenCursors.add(next.get())) {
                        next = Optional.empty();
                    }
                }
                return current.hasNext();
            }

            @Override
            public PageSummary next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private Slice<PageSummary> fetch(ConnectionClient c, CqlQuery query, int limit, String cursor, boolean withAttachments) {
        var page = clients.policy().call("the search", Replay.SAFE, () -> withAttachments
                ? c.api().searchWithAttachments(query.cql(), limit, cursor) : c.api().search(query.cql(), limit, cursor));
        List<PageSummary> hits = page.items().stream().map(r -> ConfluenceMapper.summary(r, c.wikiBase())).filter(Objects::nonNull).toList();
        Optional<String> next = page.links() == null ? Optional.empty()
                : Cursors.v1(page.links().next(), page.links().base(), c.wikiBase(), PATH);
        return new Slice<>(hits, next);
    }
}
