package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One runbook publish of a batch, as stored with its job until a worker runs it: the same fields as a
 * single publish, with the attachments' bytes inline (a batch cannot stream files), bounded as a single publish is.
 */
public record JobItemRequest(SpaceKey space, Optional<Title> parentTitle, Title title, String templateId, TemplateInputs inputs,
                             Optional<Set<Label>> labels, List<InlineAttachment> attachments, DriftPolicy onDrift) {
    /** The most bytes of attachments one item may carry inline. */
    public static final int MAX_INLINE_ATTACHMENT_BYTES = 5 * 1024 * 1024;

    public JobItemRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(parentTitle, "parentTitle");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(inputs, "inputs");
        labels = Objects.requireNonNull(labels, "labels").map(Set::copyOf);
        labels.ifPresent(l -> Label.checkCount(l.size()));
        attachments = List.copyOf(attachments);
        RunbookContent.checkAttachmentCount(attachments.size());
        Objects.requireNonNull(onDrift, "onDrift");
        long bytes = attachments.stream().mapToLong(a -> a.content().length).sum();
        if (bytes > MAX_INLINE_ATTACHMENT_BYTES) {
            throw ai.askel.confluence.domain.error.InvalidInputException.of("attachments",
                    "an item carries at most %d bytes of attachments inline, was %d".formatted(MAX_INLINE_ATTACHMENT_BYTES, bytes));
        }
    }

    /** A file attached by a batch item, bytes inline. */
    public record InlineAttachment(String fileName, String mediaType, byte[] content, Optional<String> comment) {
        public InlineAttachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
            content = content.clone();
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public AttachmentUpload upload() {
            byte[] bytes = content;
            return new AttachmentUpload(fileName, mediaType, bytes.length, () -> new java.io.ByteArrayInputStream(bytes), comment, true);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InlineAttachment a && a.fileName.equals(fileName) && a.mediaType.equals(mediaType)
                    && java.util.Arrays.equals(a.content, content) && a.comment.equals(comment);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fileName, mediaType, java.util.Arrays.hashCode(content), comment);
        }

        @Override
        public String toString() {
            return "InlineAttachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
        }
    }
}
