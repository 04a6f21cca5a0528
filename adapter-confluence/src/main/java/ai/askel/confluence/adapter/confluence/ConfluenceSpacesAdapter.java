package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Spaces via v2 {@code /spaces}; every listed space also fills the key/id cache. */
@Singleton
final class ConfluenceSpacesAdapter implements ConfluenceSpacesPort {
    private final ConfluenceClients clients;
    private final SpaceDirectory directory;

    @Inject
    ConfluenceSpacesAdapter(ConfluenceClients clients, SpaceDirectory directory) {
        this.clients = clients;
        this.directory = directory;
    }

    @Override
    public Slice<Space> listSpaces(ConfluenceAccess access, int limit, Optional<String> cursor) {
        ConnectionClient c = clients.of(access);
        var page = clients.policy().call("the space list", Replay.SAFE, () -> c.api().spaces(Limits.v2(limit), cursor.orElse(null)));
        List<Space> spaces = page.items().stream().map(ConfluenceMapper::space).toList();
        spaces.forEach(c::remember);
        return new Slice<>(spaces, Cursors.v2(page.links() == null ? null : page.links().next(), c.base(), "/wiki/api/v2/spaces"));
    }

    @Override
    public Optional<Space> findSpace(ConfluenceAccess access, SpaceKey key) {
        return directory.find(clients.of(access), key);
    }
}
