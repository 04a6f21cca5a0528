package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;

/** A Confluence space the connection's user can see. */
public record Space(SpaceId id, SpaceKey key, String name, String type, Optional<PageId> homepageId) {
    public Space {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(homepageId, "homepageId");
    }
}
