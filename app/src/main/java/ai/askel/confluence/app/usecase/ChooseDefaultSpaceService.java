package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import jakarta.inject.Inject;
import java.util.Optional;

/** Remembers a connection's default space once Confluence confirmed its user can see it. */
final class ChooseDefaultSpaceService implements ChooseDefaultSpaceUseCase {
    private final ConnectionLookup lookup;
    private final ConfluenceSpacesPort spaces;
    private final ConnectionPreferencesPort preferences;
    private final AuditTrail audit;

    @Inject
    public ChooseDefaultSpaceService(ConnectionLookup lookup, ConfluenceSpacesPort spaces, ConnectionPreferencesPort preferences,
                                     AuditTrail audit) {
        this.lookup = lookup;
        this.spaces = spaces;
        this.preferences = preferences;
        this.audit = audit;
    }

    @Override
    public void choose(ConnectionRef ref, SpaceKey space) {
        spaces.findSpace(lookup.access(ref), space)
                .orElseThrow(() -> new NotFoundException("space %s is not visible to the connection's user".formatted(space.value())));
        preferences.saveDefaultSpace(ref.connection(), space);
        audit.record(ref.workspace(), "connection.default-space", Optional.of(ref.connection()), Optional.empty(), space.value());
    }

    @Override
    public Optional<SpaceKey> defaultSpace(ConnectionRef ref) {
        lookup.connection(ref);
        return preferences.defaultSpace(ref.connection());
    }
}
