package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;

/**
 * A managed parent page that a drift scan found deleted or in the trash: a publish must not create pages under it
 * (Confluence would put them in a trashed tree). The record is forgotten, so the publish finds a page with the
 * parent's title or creates one, and the parent's finding resolves with the next scan.
 */
final class ParentGone {
    private ParentGone() {
    }

    /** Forgets the parent if an open finding says it is gone; answers whether it did. */
    static boolean forget(ManagedPage parent, DriftFindingRepositoryPort findings, ManagedPageRepositoryPort managedPages) {
        boolean gone = findings.listOpen(parent.connection(), parent.pageId()).stream().anyMatch(f -> f.kind() == DriftKind.DELETED);
        if (gone) {
            managedPages.delete(parent.connection(), parent.pageId());
        }
        return gone;
    }
}
