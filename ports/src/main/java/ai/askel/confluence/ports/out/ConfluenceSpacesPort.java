package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceKey;
import java.util.Optional;

/** Spaces in a customer's Confluence (v2 {@code /spaces}). */
public interface ConfluenceSpacesPort {
    /** One page of the spaces the user can see, in Confluence's order (by id). */
    Slice<Space> listSpaces(ConfluenceAccess access, int limit, Optional<String> cursor);

    /** The space with this key, if it exists and is visible; cached per connection. */
    Optional<Space> findSpace(ConfluenceAccess access, SpaceKey key);
}
