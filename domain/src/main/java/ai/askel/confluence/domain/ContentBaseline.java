package ai.askel.confluence.domain;

import ai.askel.confluence.domain.storage.StorageCanonicalForm;
import java.util.Objects;

/**
 * What the connector last knew a managed page to hold: the version and the hash of its title and
 * canonical body. The one rule for "edited in Confluence", asked by a publish and by a drift scan: the
 * version moved past the baseline and the content differs in canonical form (a re-save by Confluence,
 * which bumps the version but not the content, is not an edit).
 */
public record ContentBaseline(Version version, ContentHash contentHash) {
    public ContentBaseline {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /**
     * The content hash of a page: its title and the canonical form of its storage body. Because the body is
     * canonicalised, what Confluence returns after re-serialising a page on save hashes the same as what was
     * published, so comparing hashes tells a real edit from a re-save without storing the body.
     */
    public static ContentHash fingerprint(Title title, String storageBody) {
        return ContentHash.of(title.value(), StorageCanonicalForm.of(storageBody));
    }

    /** Whether a page at this version may hold an edit (so its body is worth reading). */
    public boolean mayBeEditedAt(Version remote) {
        return remote.isAfter(version);
    }

    /** Whether the page, read at {@code remote} with this content hash (under the baseline's title), was edited in Confluence. */
    public boolean isEditedBy(Version remote, ContentHash remoteContent) {
        return mayBeEditedAt(remote) && !remoteContent.equals(contentHash);
    }
}
