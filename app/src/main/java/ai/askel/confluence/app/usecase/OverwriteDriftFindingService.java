package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftFindingId;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookSource;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ManagedPage;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts back what the connector wrote ({@link PageRestorer}: body, title, place, labels); a deleted runbook page is
 * published again from the runbook's stored inputs (a deleted parent is forgotten, so the next publish finds or creates
 * it). The connector keeps no copy of attachment files, so a missing or replaced one is answered with what to send; a
 * deleted page published again without its files answers the {@code ATTACHMENT_MISSING} finding opened for them.
 */
final class OverwriteDriftFindingService implements OverwriteDriftFindingUseCase {
    static final String OPERATION = "drift.overwrite";

    private final DriftFindingTarget targets;
    private final ConfluencePagesPort pages;
    private final PageRestorer restorer;
    private final PublishRunbookUseCase publisher;
    private final DriftBaseline baseline;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public OverwriteDriftFindingService(DriftFindingTarget targets, ConfluencePagesPort pages, PageRestorer restorer,
                                 PublishRunbookUseCase publisher, DriftBaseline baseline, ClockPort clock, AuditTrail audit) {
        this.targets = targets;
        this.pages = pages;
        this.restorer = restorer;
        this.publisher = publisher;
        this.baseline = baseline;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DriftFinding overwrite(ConnectionRef ref, DriftFindingId id) {
        DriftFindingTarget.Target target = targets.load(ref, id);
        if (!target.finding().isOpen()) {
            return target.finding();
        }
        ManagedPage managed = target.requirePage("overwritten");
        DriftKind kind = target.finding().kind();
        if (kind.concernsAttachments()) {
            throw InvalidInputException.of("attachments", whatToSend(ref, target.runbook(), target.finding().detail()
                    + ": the connector keeps a hash of each file it attached, not the file, so it cannot restore it"));
        }
        Instant now = clock.now();
        Optional<PageId> page = Optional.of(managed.pageId());
        Optional<Page> current = pages.read(target.access(), managed.pageId());
        String outcome;
        Optional<DriftFinding> answer = Optional.empty();
        if (current.isPresent()) {
            outcome = restorer.restore(target.access(), managed, target.runbook(), current.get(),
                            "Restored by Askel: drift finding %s (%s) overwritten".formatted(id, kind), now)
                    .map(what -> "put back the connector's " + what)
                    .orElse("nothing to put back: the page already is as the connector wrote it");
            targets.resolve(target, AdoptDriftFindingService.PAGE_KINDS, now);
            targets.resolve(target, Set.of(DriftKind.DELETED), now);
        } else if (managed.role() == ManagedPage.Role.RUNBOOK && target.runbook().isPresent()) {
            Runbook runbook = target.runbook().get();
            PublishResult result = publisher.publish(republish(ref, runbook));
            List<PublishedAttachment> files = runbook.published().map(PublishedState::attachments).orElse(List.of());
            outcome = "published the runbook again from its stored inputs as page %s (%s)%s"
                    .formatted(result.pageId().map(PageId::value).orElse("?"), result.outcome(), files.isEmpty() ? ""
                            : "; attach " + String.join(", ", files.stream().map(PublishedAttachment::fileName).toList())
                            + " again (the connector keeps no copy)");
            targets.resolve(target, Set.of(DriftKind.values()), now);
            if (!files.isEmpty() && result.pageId().isPresent()) {
                // the new page lacks the files: they stay the runbook's, missing, so nothing reports clean until they are sent again
                PageId created = result.pageId().get();
                baseline.stillMissing(runbook, files);
                answer = Optional.of(targets.open(target, created, DriftKind.ATTACHMENT_MISSING, ("attachments gone from page '%s' "
                        + "(page %s), published again without them: %s").formatted(runbook.title().value(), created,
                        whatToSend(ref, target.runbook(), "the connector keeps a hash of each file it attached, not the file")), now));
            }
        } else {
            baseline.forget(managed, target.runbook());
            outcome = "forgot the deleted page; the next publish finds or creates it again";
            targets.resolve(target, Set.of(DriftKind.values()), now);
        }
        audit.record(ref.workspace(), OPERATION, Optional.of(ref.connection()), page,
                "%s for finding %s%s".formatted(outcome, id, DriftMessages.overridden(List.of(target.finding())).replace(" (overwrote", " (it overwrote")));
        return answer.orElseGet(() -> targets.reload(target));
    }

    /** The runbook published again from what is stored: its template and inputs (a supplied body is not stored, only its hash). */
    private static PublishRunbookCommand republish(ConnectionRef ref, Runbook runbook) {
        if (!(runbook.source() instanceof RunbookSource.Template template)) {
            throw InvalidInputException.of("findingId", ("runbook %s was published from a body the caller supplied, which the connector "
                    + "does not keep: publish it again with its body and onDrift=overwrite (--on-drift overwrite) to create the page again")
                    .formatted(runbook.id()));
        }
        return new PublishRunbookCommand(ref, runbook.space(), Optional.of(runbook.parentTitle()), runbook.title(),
                template.template().id(), template.inputs(), Optional.of(runbook.labels()), List.of(), DriftPolicy.OVERWRITE, false);
    }

    /** The connector keeps hashes, not files: what the caller sends so that the connector's file is on the page again. */
    private static String whatToSend(ConnectionRef ref, Optional<Runbook> runbook, String why) {
        String files = runbook.flatMap(Runbook::published).map(state -> state.attachments().stream()
                        .map(OverwriteDriftFindingService::describe).collect(Collectors.joining("; ")))
                .orElse("the files the connector attached");
        String where = runbook.map(r -> ("POST /api/v1/connections/%s/runbooks/%s/attachments (or publish the runbook with the files "
                + "and onDrift=overwrite; CLI: runbook publish --attach FILE --on-drift overwrite)").formatted(ref.connection(), r.id()))
                .orElse("a publish of the runbook with the files and onDrift=overwrite");
        return "%s. Send the original again: %s, to %s".formatted(why, files, where);
    }

    private static String describe(PublishedAttachment a) {
        return "%s (%d bytes, SHA-256 %s)".formatted(a.fileName(), a.size(), a.hash().hex());
    }
}
