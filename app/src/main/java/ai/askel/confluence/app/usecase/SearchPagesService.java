package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.stream.Stream;

/** CQL search: one page of results, or every result lazily. */
final class SearchPagesService implements SearchPagesUseCase {
    /** Results fetched per call by {@link #searchAll}: Confluence's CQL search caps a page at 250 (fewer with expansions). */
    static final int STREAM_PAGE_SIZE = 250;

    private final ConnectionLookup lookup;
    private final ConfluenceSearchPort search;

    @Inject
    public SearchPagesService(ConnectionLookup lookup, ConfluenceSearchPort search) {
        this.lookup = lookup;
        this.search = search;
    }

    @Override
    public Slice<PageSummary> search(ConnectionRef ref, CqlQuery query, int limit, Optional<String> cursor) {
        Paging.requireLimit(limit);
        return search.search(lookup.access(ref), query, limit, cursor);
    }

    @Override
    public Stream<PageSummary> searchAll(ConnectionRef ref, CqlQuery query) {
        return search.stream(lookup.access(ref), query, STREAM_PAGE_SIZE);
    }
}
