package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.SpaceKey;
import java.util.Optional;

/** What an onboarding team chose for a connection: the space it publishes to by default. Removed with the connection. */
public interface ConnectionPreferencesPort {
    /** Records (or replaces) the connection's default space. */
    void saveDefaultSpace(ConnectionId connection, SpaceKey space);

    Optional<SpaceKey> defaultSpace(ConnectionId connection);
}
