package ai.askel.confluence.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one publish asks a runbook page to hold: its title and body (rendered by a template or supplied
 * by the caller), where the body came from, the labels and the attachments.
 */
public record RunbookContent(Title title, PageBody body, RunbookSource source, Set<Label> labels, List<AttachmentDigest> attachments) {
    public RunbookContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
        labels = Set.copyOf(labels);
        attachments = List.copyOf(attachments);
    }

    /**
     * The content hash the page will have once this content is written, when it can be known locally: for
     * a storage body its canonical form; a wiki body is converted by Confluence, so its hash is read back.
     */
    public Optional<ContentHash> expectedHash() {
        return body.representation() == BodyRepresentation.STORAGE
                ? Optional.of(ContentBaseline.fingerprint(title, body.value()))
                : Optional.empty();
    }

    /**
     * Whether {@code remote} already holds this content, so nothing needs writing. A storage body is
     * compared in canonical form; a body Confluence converts is held when it is the one last published
     * and the page still holds what that publish left.
     */
    public boolean isHeldBy(Page remote, RunbookSource lastSource, Optional<PublishedState> last) {
        if (!remote.title().equals(title)) {
            return false;
        }
        ContentHash remoteHash = ContentBaseline.fingerprint(title, remote.body().value());
        return expectedHash().map(remoteHash::equals)
                .orElseGet(() -> lastSource.equals(source) && last.map(s -> s.contentHash().equals(remoteHash)).orElse(false));
    }

    /** The attachments whose content differs from what the last publish wrote (all of them on a first publish). */
    public List<String> attachmentsChangedSince(Optional<PublishedState> last) {
        return attachments.stream()
                .filter(a -> last.flatMap(s -> s.attachment(a.fileName())).map(p -> !p.hash().equals(a.hash())).orElse(true))
                .map(AttachmentDigest::fileName)
                .toList();
    }

    public List<String> attachmentNames() {
        return attachments.stream().map(AttachmentDigest::fileName).toList();
    }
}
