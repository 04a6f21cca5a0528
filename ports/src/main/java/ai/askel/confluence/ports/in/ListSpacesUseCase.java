package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import java.util.Optional;

/** The spaces the connection's user can see. */
public interface ListSpacesUseCase {
    Slice<Space> listSpaces(ConnectionRef ref, int limit, Optional<String> cursor);
}
