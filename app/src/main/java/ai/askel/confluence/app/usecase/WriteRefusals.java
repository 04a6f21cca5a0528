package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PageVersion;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.domain.error.PermissionLostException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A write refused on a page the connector could just read is a lost permission, not a missing page: Confluence answers
 * 403 to a write on a page with edit restrictions, and 404 to a v2 write in a space where the user may only view (it
 * answers "not found" for what one may not change). This turns such a refusal into {@code PERMISSION_LOST}, naming the
 * page, where it is and who lacks the permission.
 */
final class WriteRefusals {
    private WriteRefusals() {
    }

    /** Runs a v2 write of a page just read; a 403, or a 404 for a page that was just there, is a lost permission. */
    static <T> T onReadablePage(ConfluenceAccess access, Page page, Supplier<T> write) {
        try {
            return write.get();
        } catch (PermissionDeniedException | NotFoundException e) {
            throw lost(access, page.title(), page.id(), page.space(), page.webUrl(), "change it", e);
        }
    }

    /**
     * Runs a v1 write on a page just read (labels, attachments): v1 answers 403 when the user can view but not edit; its 404s
     * mean other things (an attachment too large), so they pass unchanged.
     */
    static <T> T onPageContent(ConfluenceAccess access, Page page, Supplier<T> write) {
        try {
            return write.get();
        } catch (PermissionDeniedException e) {
            throw lost(access, page.title(), page.id(), page.space(), page.webUrl(), "change its labels or attachments", e);
        }
    }

    /**
     * Writes a revision of a page just read; when Confluence refuses its title because another page of the space took it (a
     * page renamed in Confluence, then another created with its old title), the conflict names that page.
     */
    static PageVersion revise(ConfluenceAccess access, ConfluencePagesPort pages, Page page, PageRevision revision) {
        try {
            return onReadablePage(access, page, () -> pages.write(access, revision));
        } catch (VersionConflictException e) {
            throw e;
        } catch (ConflictException titleTaken) {
            Optional<PageSummary> holder = pages.findByTitle(access, page.space(), revision.title())
                    .filter(other -> !other.id().equals(page.id()));
            if (holder.isEmpty()) {
                throw titleTaken;
            }
            PageSummary other = holder.get();
            throw new ConflictException(("'%s' (page %s) cannot take the title '%s' back: page %s%s in space %s has it now. Rename or move "
                    + "that page in Confluence, or adopt the new title; nothing was written").formatted(page.title().value(), page.id(),
                    revision.title().value(), other.id(), other.webUrl().map(u -> " (" + u + ")").orElse(""), page.space().value()),
                    titleTaken.traceId().orElse(null));
        }
    }

    /** The user may read the page (or the parent under which a page was to be created) but not write there. */
    static PermissionLostException lost(ConfluenceAccess access, Title title, PageId id, SpaceKey space, Optional<String> webUrl,
                                        String what, ConnectorException refused) {
        return new PermissionLostException(("the Confluence user %s may still read '%s' (page %s%s) in space %s but may no longer %s: "
                + "a space permission or a page restriction was taken away. Ask a space admin to give the user edit permission again; "
                + "nothing was written (Confluence answered: %s)").formatted(access.email().value(), title.value(), id,
                webUrl.map(u -> ", " + u).orElse(""), space.value(), what, refused.getMessage()), refused.traceId().orElse(null), refused);
    }
}
