package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import java.util.Objects;
import java.util.Optional;

/** A page to create: where, its title, an optional parent and its body. */
public record NewPage(SpaceKey space, Title title, Optional<PageId> parentId, PageBody body) {
    public NewPage {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(body, "body");
    }
}
