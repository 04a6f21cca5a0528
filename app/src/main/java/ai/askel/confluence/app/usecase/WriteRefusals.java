package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import ai.askel.confluence.domain.error.PermissionLostException;
import ai.askel.confluence.ports.out.ConfluenceAccess;
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

    /** Runs a write on a page just read; a 403, or a 404 for a page that was just there, is a lost permission. */
    static <T> T onReadablePage(ConfluenceAccess access, Page page, Supplier<T> write) {
        try {
            return write.get();
        } catch (PermissionDeniedException | ai.askel.confluence.domain.error.NotFoundException e) {
            throw lost(access, page.title(), page.id(), page.space(), page.webUrl(), "change it", e);
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
