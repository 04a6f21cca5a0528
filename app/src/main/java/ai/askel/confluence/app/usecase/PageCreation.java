package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.error.ConflictException;
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
 * One page create, never replayed blindly; the runbook publish (its pages and their parents) and the plain
 * page create both create through here. When the create's response was lost (timeout, 5xx) the page is
 * looked up by title first, and only a create that the lookup does not find is sent once more. When
 * Confluence refuses it because the title is taken (a concurrent create won; whether it says so as 409 or
 * 400 is not documented), the page with that title is the answer. A create that succeeds costs 1 call.
 */
final class PageCreation {
    /** How a refused create may say that the title is taken: 409, or a 400 the adapter could not classify. */
    private static final Set<ErrorCode> TITLE_TAKEN_CODES = Set.of(ErrorCode.CONFLICT, ErrorCode.INVALID_INPUT, ErrorCode.CONFLUENCE_ERROR);

    private final ConfluencePagesPort pages;

    @Inject
    public PageCreation(ConfluencePagesPort pages) {
        this.pages = pages;
    }

    /**
     * The page a create made, or the page with its title found instead: after the create's answer was lost
     * ({@code answerLost}: most likely the page that create made), or when Confluence refused the create
     * because the title is taken.
     */
    record Outcome(Optional<Page> created, Optional<PageSummary> found, boolean answerLost) {
        static Outcome created(Page page) {
            return new Outcome(Optional.of(page), Optional.empty(), false);
        }
    }

    /** Creates the page, or finds the page with its title that a lost or concurrent create made. */
    Outcome create(ConfluenceAccess access, NewPage newPage) {
        try {
            return createOrRecover(access, newPage);
        } catch (ConnectorException refused) {
            if (!TITLE_TAKEN_CODES.contains(refused.code())) {
                throw refused;
            }
            PageSummary found = pages.findByTitle(access, newPage.space(), newPage.title()).orElseThrow(() -> refused);
            return new Outcome(Optional.empty(), Optional.of(found), false);
        }
    }

    /**
     * Creates exactly this page, for a caller that owns no page by its title: a create whose answer was lost
     * is answered with the page it made (the page with its title reads as just created with this parent and
     * body, {@link Page#isCreatedAs}); a title that another page holds is a conflict naming that page.
     */
    Page createExactly(ConfluenceAccess access, NewPage newPage) {
        Outcome outcome = create(access, newPage);
        if (outcome.created().isPresent()) {
            return outcome.created().get();
        }
        PageSummary found = outcome.found().orElseThrow();
        Optional<Page> made = outcome.answerLost() ? pages.read(access, found.id())
                .filter(page -> page.isCreatedAs(newPage.title(), newPage.parentId(), newPage.body())) : Optional.empty();
        return made.orElseThrow(() -> new ConflictException("a page titled '%s' already exists in space %s (page %s)"
                .formatted(newPage.title(), newPage.space(), found.id())));
    }

    private Outcome createOrRecover(ConfluenceAccess access, NewPage newPage) {
        try {
            return Outcome.created(pages.create(access, newPage));
        } catch (ConfluenceUnavailableException lostResponse) {
            Optional<PageSummary> found = pages.findByTitle(access, newPage.space(), newPage.title());
            if (found.isPresent()) {
                return new Outcome(Optional.empty(), found, true);
            }
            return Outcome.created(pages.create(access, newPage));
        }
    }
}
