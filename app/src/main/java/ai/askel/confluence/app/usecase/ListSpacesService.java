package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import jakarta.inject.Inject;

import java.util.Optional;

/** The spaces the connection's user can see, one page at a time. */
final class ListSpacesService implements ListSpacesUseCase {
    private final ConnectionLookup lookup;
    private final ConfluenceSpacesPort spaces;

    @Inject
    public ListSpacesService(ConnectionLookup lookup, ConfluenceSpacesPort spaces) {
        this.lookup = lookup;
        this.spaces = spaces;
    }

    @Override
    public Slice<Space> listSpaces(ConnectionRef ref, int limit, Optional<String> cursor) {
        Paging.requireLimit(limit);
        return spaces.listSpaces(lookup.access(ref), limit, cursor);
    }
}
