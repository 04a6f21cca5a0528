package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Page;
import java.util.Objects;

/** The page after an update, and whether the update wrote a version ({@code false}: it already held the title and body). */
public record UpdatedPage(Page page, boolean changed) {
    public UpdatedPage {
        Objects.requireNonNull(page, "page");
    }
}
