package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.NotFoundException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Space key ↔ id, cached per connection: v2 pages carry only the space id, and creating one needs it. */
@Singleton
final class SpaceDirectory {
    private final CallPolicy policy;

    @Inject
    SpaceDirectory(ConfluenceClients clients) {
        this.policy = clients.policy();
    }

    /** {@code GET /spaces?keys=KEY} once per connection; empty if absent or not visible. */
    Optional<Space> find(ConnectionClient c, SpaceKey key) {
        Optional<Space> cached = c.cachedSpace(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Space> found = policy.call("space " + key, Replay.SAFE, () -> c.api().spacesByKey(key.value())).items().stream()
                .filter(s -> key.value().equals(s.key()))
                .findFirst()
                .map(ConfluenceMapper::space);
        found.ifPresent(c::remember);
        return found;
    }

    SpaceId idOf(ConnectionClient c, SpaceKey key) {
        return find(c, key).map(Space::id)
                .orElseThrow(() -> new NotFoundException("space " + key + " was not found, or the Confluence user may not see it"));
    }

    /** {@code GET /spaces/{id}} once per connection. */
    SpaceKey keyOf(ConnectionClient c, SpaceId id) {
        return c.cachedKey(id).orElseGet(() -> {
            Space space = ConfluenceMapper.space(policy.call("space " + id, Replay.SAFE, () -> c.api().space(id.value())));
            c.remember(space);
            return space.key();
        });
    }
}
