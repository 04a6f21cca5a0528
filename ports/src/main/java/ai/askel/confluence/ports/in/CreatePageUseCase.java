package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Page;

/**
 * Creates a page (and adds its labels). A create whose answer was lost is never sent again blindly: the page
 * it made is the answer. A title that another page in the space holds is a {@code ConflictException}.
 */
public interface CreatePageUseCase {
    Page create(CreatePageCommand command);
}
