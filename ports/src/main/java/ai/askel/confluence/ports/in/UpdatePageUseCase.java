package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Page;

/** Writes a page's next version, so Confluence keeps the history. */
public interface UpdatePageUseCase {
    Page update(UpdatePageCommand command);
}
