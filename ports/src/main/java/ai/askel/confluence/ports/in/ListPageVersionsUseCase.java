package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.Slice;
import java.util.Optional;

/** A page's version history, newest first. */
public interface ListPageVersionsUseCase {
    Slice<PageVersion> versions(ConnectionRef ref, PageId page, int limit, Optional<String> cursor);
}
