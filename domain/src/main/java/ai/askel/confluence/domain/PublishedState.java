package ai.askel.confluence.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What the connector last wrote for a runbook: the page, its parent, version, content and extras. */
public record PublishedState(PageId pageId, PageId parentId, Version version, ContentHash contentHash, Title title,
                             Set<Label> labels, List<PublishedAttachment> attachments, Instant publishedAt) {
    public PublishedState {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(title, "title");
        labels = Set.copyOf(labels);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** What the connector last wrote, as the drift rule compares a page against. */
    public ContentBaseline baseline() {
        return new ContentBaseline(version, contentHash);
    }

    /** The page as written, as its drift is judged ({@link PublishedPage#driftIn}). */
    public PublishedPage written() {
        return new PublishedPage(title, Optional.of(parentId), labels, Optional.of(baseline()));
    }

    public List<String> attachmentNames() {
        return attachments.stream().map(PublishedAttachment::fileName).toList();
    }

    public Optional<PublishedAttachment> attachment(String fileName) {
        return attachments.stream().filter(a -> a.fileName().equals(fileName)).findFirst();
    }

    public PublishedState withAttachment(PublishedAttachment attachment) {
        List<PublishedAttachment> updated = new java.util.ArrayList<>(attachments);
        updated.removeIf(a -> a.fileName().equals(attachment.fileName()));
        updated.add(attachment);
        return new PublishedState(pageId, parentId, version, contentHash, title, labels, updated, publishedAt);
    }

    /**
     * The same page, still claiming {@code files} the connector wrote to it before that it lacks now (a page created again
     * without them): a file this state already records by name stays as recorded.
     */
    public PublishedState lacking(List<PublishedAttachment> files) {
        List<PublishedAttachment> claimed = new java.util.ArrayList<>(attachments);
        files.stream().filter(f -> attachment(f.fileName()).isEmpty()).forEach(claimed::add);
        return new PublishedState(pageId, parentId, version, contentHash, title, labels, claimed, publishedAt);
    }

    /** The same page, now under {@code parent}. */
    public PublishedState under(PageId parent) {
        return new PublishedState(pageId, parent, version, contentHash, title, labels, attachments, publishedAt);
    }

    public PublishedState withLabels(Set<Label> newLabels) {
        return new PublishedState(pageId, parentId, version, contentHash, title, newLabels, attachments, publishedAt);
    }
}
