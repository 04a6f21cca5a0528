package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.Title;

/**
 * The content hash of a managed page: its title and the canonical form of its body. Because the
 * body is canonicalised, the hash of what Confluence returns after re-serialising a page on save
 * equals the hash of what was published, so comparing hashes tells a real edit from a re-save
 * without storing the body.
 */
final class ContentFingerprint {
    private ContentFingerprint() {
    }

    static ContentHash of(Title title, PageBody body) {
        return of(title, body.value());
    }

    static ContentHash of(Title title, String storageBody) {
        return ContentBaseline.fingerprint(title, storageBody);
    }
}
