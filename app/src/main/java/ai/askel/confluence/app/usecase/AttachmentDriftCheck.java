package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The attachment checks of a drift scan ({@link PageDriftScan}): the files the connector wrote, missing or replaced. */
final class AttachmentDriftCheck {
    private final ConfluenceAttachmentsPort attachments;

    @Inject
    AttachmentDriftCheck(ConfluenceAttachmentsPort attachments) {
        this.attachments = attachments;
    }

    /**
     * The attachments the connector wrote: gone (by id and name), or replaced (the same id at a later version than the
     * one uploaded, or another file under the name). The listing carries them; a page it lacked costs one listing.
     */
    void check(ConfluenceAccess access, DriftLedger ledger, ManagedPage page, PublishedState state, Optional<List<Attachment>> listed) {
        Optional<PageId> pageId = Optional.of(state.pageId());
        List<Attachment> now = listed.orElseGet(() -> attachments.list(access, state.pageId()));
        Map<AttachmentId, Attachment> present = now.stream().collect(Collectors.toMap(Attachment::id, a -> a, (a, b) -> a));
        Map<String, Attachment> byName = now.stream().collect(Collectors.toMap(Attachment::fileName, a -> a, (a, b) -> a));
        List<String> missing = new ArrayList<>();
        List<Function<UnaryOperator<String>, String>> replaced = new ArrayList<>();
        Set<String> uploaders = new TreeSet<>();
        for (PublishedAttachment written : state.attachments()) {
            Attachment current = present.get(written.attachmentId());
            if (current == null) {
                Attachment other = byName.get(written.fileName());
                if (other != null) {
                    other.authorId().ifPresent(uploaders::add);
                    replaced.add(names -> "%s (deleted, and another file uploaded under its name: attachment %s version %s, %d bytes%s)"
                            .formatted(written.fileName(), other.id().value(), other.version(), other.size(), by(other, names)));
                } else {
                    missing.add(written.fileName());
                }
            } else if (replacedSince(written, current)) {
                current.authorId().ifPresent(uploaders::add);
                replaced.add(names -> "%s (the connector uploaded version %s, %d bytes; Confluence now holds version %s%s, %d bytes%s)".formatted(
                        written.fileName(), written.version().map(Version::toString).orElse("?"), written.size(), current.version(),
                        current.fileName().equals(written.fileName()) ? "" : " named '" + current.fileName() + "'", current.size(),
                        by(current, names)));
            }
        }
        ledger.check(pageId, DriftKind.ATTACHMENT_MISSING, !missing.isEmpty(),
                () -> "attachments gone from %s: %s".formatted(DriftMessages.page(page), String.join(", ", missing)));
        if (replaced.isEmpty()) {
            ledger.resolve(pageId, DriftKind.ATTACHMENT_REPLACED);
        } else {
            ledger.seenBy(pageId, DriftKind.ATTACHMENT_REPLACED, uploaders, names -> "attachments replaced on %s: %s".formatted(
                    DriftMessages.page(page), replaced.stream().map(r -> r.apply(names)).collect(Collectors.joining(", "))));
        }
    }

    /** ", uploaded by Bob Smith" when Confluence said who uploaded the attachment's current version. */
    private static String by(Attachment attachment, UnaryOperator<String> names) {
        return attachment.authorId().map(a -> ", uploaded by " + names.apply(a)).orElse("");
    }

    /** The version tells (a same-size replacement too); a record without one falls back to the size. */
    private static boolean replacedSince(PublishedAttachment written, Attachment current) {
        if (!current.fileName().equals(written.fileName())) {
            return true;
        }
        return written.version().map(v -> !current.version().equals(v)).orElse(current.size() != written.size());
    }
}
