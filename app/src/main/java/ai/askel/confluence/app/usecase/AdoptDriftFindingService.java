package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accepts a page as it is now: one read of the page (or of its attachments), then the baseline moves and the page's
 * findings of that kind resolve. Nothing is written to Confluence.
 */
final class AdoptDriftFindingService implements AdoptDriftFindingUseCase {
    static final String OPERATION = "drift.adopt";
    /** The findings a page's adopted state (body, title, place, labels) settles. */
    static final Set<DriftKind> PAGE_KINDS = Set.of(DriftKind.EDITED_IN_CONFLUENCE, DriftKind.RENAMED, DriftKind.MOVED, DriftKind.LABELS_REMOVED);
    /** What adopting an attachment finding settles: both attachment kinds, as the page's files are accepted as they are. */
    private static final Set<DriftKind> ATTACHMENT_KINDS = Arrays.stream(DriftKind.values()).filter(DriftKind::concernsAttachments)
            .collect(Collectors.toUnmodifiableSet());

    private final DriftFindingTarget targets;
    private final ConfluencePagesPort pages;
    private final ConfluenceAttachmentsPort attachments;
    private final DriftBaseline baseline;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public AdoptDriftFindingService(DriftFindingTarget targets, ConfluencePagesPort pages, ConfluenceAttachmentsPort attachments,
                             DriftBaseline baseline, ClockPort clock, AuditTrail audit) {
        this.targets = targets;
        this.pages = pages;
        this.attachments = attachments;
        this.baseline = baseline;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DriftFinding adopt(ConnectionRef ref, DriftFindingId id) {
        DriftFindingTarget.Target target = targets.load(ref, id);
        if (!target.finding().isOpen()) {
            return target.finding();
        }
        ManagedPage managed = target.requirePage("adopted");
        Instant now = clock.now();
        Optional<PageId> page = Optional.of(managed.pageId());
        String adopted;
        Set<DriftKind> settled;
        if (target.finding().kind().concernsAttachments()) {
            baseline.adoptAttachments(managed, target.runbook(), attachments.list(target.access(), managed.pageId()));
            adopted = "the page's attachments as they are now";
            settled = ATTACHMENT_KINDS;
        } else {
            Optional<Page> current = pages.read(target.access(), managed.pageId());
            if (target.finding().kind() == DriftKind.DELETED) {
                if (current.isPresent()) {
                    adopted = "nothing: the page is back";
                } else {
                    baseline.forget(managed, target.runbook());
                    adopted = "the page's deletion (the connector stops managing it; the runbook's next publish creates it again)";
                }
                settled = Set.of(DriftKind.values());
            } else {
                Page found = current.orElseThrow(() -> new NotFoundException(("page %s is gone from Confluence, so its current state "
                        + "cannot be adopted; the next scan reports it deleted").formatted(managed.pageId())));
                baseline.adoptPage(managed, target.runbook(), found, now);
                adopted = "version %s of the page ('%s') as the new baseline".formatted(found.version().number(), found.title().value());
                settled = PAGE_KINDS;
            }
        }
        targets.resolve(target, settled, now);
        audit.record(ref.workspace(), OPERATION, Optional.of(ref.connection()), page,
                "adopted %s for finding %s %s".formatted(adopted, id, target.finding().kind()));
        return targets.reload(target);
    }
}
