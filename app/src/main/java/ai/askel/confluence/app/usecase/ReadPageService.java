package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import jakarta.inject.Inject;

/** Reads a page with its body, labels and version. */
final class ReadPageService implements ReadPageUseCase {
    private final ConnectionLookup lookup;
    private final ConfluencePagesPort pages;

    @Inject
    public ReadPageService(ConnectionLookup lookup, ConfluencePagesPort pages) {
        this.lookup = lookup;
        this.pages = pages;
    }

    @Override
    public Page read(ConnectionRef ref, PageId page) {
        return pages.read(lookup.access(ref), page).orElseThrow(() -> pageNotFound(page));
    }

    static NotFoundException pageNotFound(PageId page) {
        return new NotFoundException("page " + page + " not found, or the connection's user cannot see it");
    }
}
