package ai.askel.confluence.domain;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one publish asks a runbook page to hold: its title and body (rendered by a template or supplied
 * by the caller), where the body came from, the labels (at most {@link Label#MAX_PER_REQUEST}, a template's default
 * labels included) and the attachments (at most {@link #MAX_ATTACHMENTS}).
 *
 * <p>A value, but not a record: the hash the page will have once written is worked out once, when the content is
 * made, because a publish asks for it several times (to compare with the page, to plan, to record) and each answer
 * would otherwise parse the whole body again.
 */
public final class RunbookContent {
    /** The most files one publish may attach: each is hashed, recorded with the runbook and uploaded by the publish. */
    public static final int MAX_ATTACHMENTS = 20;

    private final Title title;
    private final PageBody body;
    private final RunbookSource source;
    private final Set<Label> labels;
    private final List<AttachmentDigest> attachments;
    private final Optional<ContentHash> expectedHash;

    public RunbookContent(Title title, PageBody body, RunbookSource source, Set<Label> labels, List<AttachmentDigest> attachments) {
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        this.source = Objects.requireNonNull(source, "source");
        Label.checkCount(labels.size());
        this.labels = Set.copyOf(labels);
        checkAttachmentCount(attachments.size());
        this.attachments = List.copyOf(attachments);
        this.expectedHash = body.representation() == BodyRepresentation.STORAGE
                ? Optional.of(ContentBaseline.fingerprint(title, body.value()))
                : Optional.empty();
    }

    /** Refuses {@code count} files for one publish when that is more than {@link #MAX_ATTACHMENTS}, naming the field {@code attachments}. */
    public static void checkAttachmentCount(int count) {
        if (count > MAX_ATTACHMENTS) {
            throw InvalidInputException.of("attachments", "at most %d files per publish, got %d".formatted(MAX_ATTACHMENTS, count));
        }
    }

    public Title title() {
        return title;
    }

    public PageBody body() {
        return body;
    }

    public RunbookSource source() {
        return source;
    }

    public Set<Label> labels() {
        return labels;
    }

    public List<AttachmentDigest> attachments() {
        return attachments;
    }

    /**
     * The content hash the page will have once this content is written, when it can be known locally: for
     * a storage body its canonical form; a wiki body is converted by Confluence, so its hash is read back.
     */
    public Optional<ContentHash> expectedHash() {
        return expectedHash;
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
        if (expectedHash.isPresent() && remote.body().value().equals(body.value())) {
            return true; // the same characters hash the same: no need to parse them
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

    @Override
    public boolean equals(Object other) {
        return other instanceof RunbookContent that && title.equals(that.title) && body.equals(that.body) && source.equals(that.source)
                && labels.equals(that.labels) && attachments.equals(that.attachments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, body, source, labels, attachments);
    }

    @Override
    public String toString() {
        return "RunbookContent[title=" + title + ", body=" + body + ", source=" + source + ", labels=" + labels + ", attachments="
                + attachments + "]";
    }
}
