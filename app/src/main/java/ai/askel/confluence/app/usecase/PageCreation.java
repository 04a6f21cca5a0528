package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.NewPage;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * One page create, never replayed blindly. When its response was lost (timeout, 5xx) the page is looked up
 * by title first, and only a create that the lookup does not find is sent once more. When Confluence
 * refuses it because the title is taken (a concurrent create won; whether it says so as 409 or 400 is not
 * documented), the page with that title is the answer.
 */
public final class PageCreation {
    /** How a refused create may say that the title is taken: 409, or a 400 the adapter could not classify. */
    private static final Set<ErrorCode> TITLE_TAKEN_CODES = Set.of(ErrorCode.CONFLICT, ErrorCode.INVALID_INPUT, ErrorCode.CONFLUENCE_ERROR);

    private final ConfluencePagesPort pages;

    @Inject
    public PageCreation(ConfluencePagesPort pages) {
        this.pages = pages;
    }

    /** The page a create made, or the page with its title that a concurrent or lost create made. */
    record Outcome(Optional<Page> created, Optional<PageSummary> found) {
    }

    Outcome create(ConfluenceAccess access, NewPage newPage) {
        try {
            return new Outcome(Optional.of(pages.create(access, newPage)), Optional.empty());
        } catch (ConfluenceUnavailableException lostResponse) {
            Optional<PageSummary> found = pages.findByTitle(access, newPage.space(), newPage.title());
            if (found.isPresent()) {
                return new Outcome(Optional.empty(), found);
            }
            return new Outcome(Optional.of(pages.create(access, newPage)), Optional.empty());
        } catch (ConnectorException refused) {
            if (!TITLE_TAKEN_CODES.contains(refused.code())) {
                throw refused;
            }
            PageSummary found = pages.findByTitle(access, newPage.space(), newPage.title()).orElseThrow(() -> refused);
            return new Outcome(Optional.empty(), Optional.of(found));
        }
    }
}
