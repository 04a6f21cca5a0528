package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.SpaceKey;
import java.util.Optional;

/** The space a connection publishes to unless told otherwise, remembered for everyone in the workspace. */
public interface ChooseDefaultSpaceUseCase {
    /** Remembers the space; {@code NotFoundException} if the connection is not the workspace's or its user cannot see the space. */
    void choose(ConnectionRef ref, SpaceKey space);

    /** The remembered space, if one was chosen. */
    Optional<SpaceKey> defaultSpace(ConnectionRef ref);
}
