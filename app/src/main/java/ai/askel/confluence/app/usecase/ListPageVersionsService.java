package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import jakarta.inject.Inject;

import java.util.Optional;

/** A page's version history, newest first. */
final class ListPageVersionsService implements ListPageVersionsUseCase {
    private final ConnectionLookup lookup;
    private final ConfluencePagesPort pages;

    @Inject
    public ListPageVersionsService(ConnectionLookup lookup, ConfluencePagesPort pages) {
        this.lookup = lookup;
        this.pages = pages;
    }

    @Override
    public Slice<PageVersion> versions(ConnectionRef ref, PageId page, int limit, Optional<String> cursor) {
        Paging.requireLimit(limit);
        return pages.versions(lookup.access(ref), page, limit, cursor);
    }
}
