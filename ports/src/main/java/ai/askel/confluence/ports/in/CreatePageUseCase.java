package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Page;

/** Creates a page (and adds its labels). */
public interface CreatePageUseCase {
    Page create(CreatePageCommand command);
}
