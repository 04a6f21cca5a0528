package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;

/** Reads a page: body, title, labels, version, space key. {@code NotFoundException} if absent or not visible. */
public interface ReadPageUseCase {
    Page read(ConnectionRef ref, PageId page);
}
