package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import java.util.Optional;

/** A page's direct children, so a product can show the space structure under a parent. */
public interface ListChildPagesUseCase {
    Slice<PageSummary> children(ConnectionRef ref, PageId page, int limit, Optional<String> cursor);
}
