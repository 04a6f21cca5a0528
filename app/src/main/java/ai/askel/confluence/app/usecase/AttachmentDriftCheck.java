package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.AttachmentId;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The attachment checks of a drift scan ({@link PageDriftScan}): the files the connector wrote, missing or replaced; and,
 * once a file is uploaded again outside a publish, the findings it settles.
 */
final class AttachmentDriftCheck {
    private final ConfluenceAttachmentsPort attachments;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;

    @Inject
    AttachmentDriftCheck(ConfluenceAttachmentsPort attachments, DriftFindingRepositoryPort findings, ClockPort clock) {
        this.attachments = attachments;
        this.findings = findings;
        this.clock = clock;
    }

    /** What differs between the files the connector wrote and those on the page. */
    private record Found(List<String> missing, List<Function<UnaryOperator<String>, String>> replaced, Set<String> uploaders) {
    }

    /**
     * The attachments the connector wrote: gone (by id and name), or replaced (the same id at a later version than the
     * one uploaded, or another file under the name). The listing carries them; a page it lacked costs one listing.
     */
    void check(ConfluenceAccess access, DriftLedger ledger, ManagedPage page, PublishedState state, Optional<List<Attachment>> listed) {
        Optional<PageId> pageId = Optional.of(state.pageId());
        Found found = found(state, listed.orElseGet(() -> attachments.list(access, state.pageId())));
        ledger.check(pageId, DriftKind.ATTACHMENT_MISSING, !found.missing().isEmpty(),
                () -> "attachments gone from %s: %s".formatted(DriftMessages.page(page), String.join(", ", found.missing())));
        if (found.replaced().isEmpty()) {
            ledger.resolve(pageId, DriftKind.ATTACHMENT_REPLACED);
        } else {
            ledger.seenBy(pageId, DriftKind.ATTACHMENT_REPLACED, found.uploaders(), names -> "attachments replaced on %s: %s".formatted(
                    DriftMessages.page(page), found.replaced().stream().map(r -> r.apply(names)).collect(Collectors.joining(", "))));
        }
    }

    /**
     * After a file was uploaded to the page of {@code state} (which records it): resolves the page's open attachment findings
     * whose cause is gone, at once rather than at the next scan. One listing, and only when such a finding is open.
     * Answers whether the page still has open findings (of any kind), so the runbook's status can say it drifted.
     */
    boolean settle(ConfluenceAccess access, ConnectionId connection, PublishedState state) {
        Optional<PageId> pageId = Optional.of(state.pageId());
        Set<DriftKind> open = findings.listOpen(connection, state.pageId()).stream().map(DriftFinding::kind).collect(Collectors.toSet());
        Set<DriftKind> left = new HashSet<>(open);
        if (open.contains(DriftKind.ATTACHMENT_MISSING) || open.contains(DriftKind.ATTACHMENT_REPLACED)) {
            Found found = found(state, attachments.list(access, state.pageId()));
            Instant now = clock.now();
            if (open.contains(DriftKind.ATTACHMENT_MISSING) && found.missing().isEmpty()) {
                findings.resolve(connection, pageId, DriftKind.ATTACHMENT_MISSING, now);
                left.remove(DriftKind.ATTACHMENT_MISSING);
            }
            if (open.contains(DriftKind.ATTACHMENT_REPLACED) && found.replaced().isEmpty()) {
                findings.resolve(connection, pageId, DriftKind.ATTACHMENT_REPLACED, now);
                left.remove(DriftKind.ATTACHMENT_REPLACED);
            }
        }
        return !left.isEmpty();
    }

    private static Found found(PublishedState state, List<Attachment> now) {
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
        return new Found(missing, replaced, uploaders);
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
