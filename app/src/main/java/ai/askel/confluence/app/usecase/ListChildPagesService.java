package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import jakarta.inject.Inject;

import java.util.Optional;

/** A page's direct children, one page of results at a time. */
final class ListChildPagesService implements ListChildPagesUseCase {
    private final ConnectionLookup lookup;
    private final ConfluencePagesPort pages;

    @Inject
    public ListChildPagesService(ConnectionLookup lookup, ConfluencePagesPort pages) {
        this.lookup = lookup;
        this.pages = pages;
    }

    @Override
    public Slice<PageSummary> children(ConnectionRef ref, PageId page, int limit, Optional<String> cursor) {
        Paging.requireLimit(limit);
        return pages.children(lookup.access(ref), page, limit, cursor);
    }
}
