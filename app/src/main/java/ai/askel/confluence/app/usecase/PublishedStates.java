package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.PageDrift;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Saves what a publish did: the runbook's published state (optimistically locked), the managed page that
 * drift scans compare against and the publish's audit event (in one commit), and the drift findings an overwrite
 * resolved.
 */
final class PublishedStates {
    /** Rounds of re-evaluation when a concurrent publisher saved the runbook first. */
    static final int ATTEMPTS = 8;

    private final RunbookRepositoryPort runbooks;
    private final ManagedPageRepositoryPort managedPages;
    private final DriftFindingRepositoryPort findings;
    private final AuditTrail audit;
    private final ClockPort clock;

    @Inject
    public PublishedStates(RunbookRepositoryPort runbooks, ManagedPageRepositoryPort managedPages, DriftFindingRepositoryPort findings,
                           AuditTrail audit, ClockPort clock) {
        this.runbooks = runbooks;
        this.managedPages = managedPages;
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    Instant now() {
        return clock.now();
    }

    /** Saves the runbook if nobody saved it since it was loaded; otherwise the publish re-evaluates. */
    Runbook claim(Runbook runbook) {
        try {
            return runbooks.update(runbook);
        } catch (ConflictException e) {
            throw new StaleRunbookException("runbook " + runbook.id() + " was saved by another publish first");
        }
    }

    /**
     * Records a publish and {@code report}, its audit event, in one commit, unless it changed nothing at all (nothing
     * written, the same state and request, and the runbook already {@code PUBLISHED}): an unchanged republish writes no
     * row, only its event.
     */
    void record(PublishRequest request, Runbook stored, Runbook runbook, PublishSteps.Written written, AuditEvent report) {
        Optional<PublishedState> previous = runbook.published();
        PublishedState state = new PublishedState(written.page().id(), written.parentId(), written.page().version().number(),
                written.contentHash(), request.title(), request.content().labels(), written.attachments(), clock.now());
        boolean wroteNothing = written.outcome() == PublishOutcome.UNCHANGED && written.labelsAdded().isEmpty()
                && written.uploaded().isEmpty();
        boolean sameState = previous.map(p -> p.version().equals(state.version()) && p.contentHash().equals(state.contentHash())
                && p.labels().equals(state.labels()) && p.attachments().equals(state.attachments())).orElse(false);
        if (wroteNothing && sameState && !request.changes(stored) && stored.status() == RunbookStatus.PUBLISHED) {
            audit.append(report);
            return;
        }
        save(request, runbook, state, report, new ManagedPage(runbook.connection(), state.pageId(), request.space(), request.title(),
                Optional.of(state.parentId()), ManagedPage.Role.RUNBOOK, Optional.of(runbook.id()), state.version(), state.contentHash(),
                state.labels(), state.publishedAt()));
    }

    /** Forgets a runbook page deleted in Confluence (an overwrite creates it again). */
    void forgetPage(Runbook runbook, PageId page) {
        managedPages.delete(runbook.connection(), page);
    }

    /**
     * The drift an overwrite undoes: the open finding of each kind on the page (with its id, so a caller can match the two), or
     * one not stored when no scan recorded it, whose words call the editors as {@code names} does.
     */
    List<DriftFinding> overridden(Runbook runbook, PageId page, List<PageDrift> drift, UnaryOperator<String> names) {
        Instant now = clock.now();
        List<DriftFinding> open = drift.isEmpty() ? List.of() : findings.listOpen(runbook.connection(), page);
        return drift.stream().map(d -> open.stream().filter(f -> f.kind() == d.kind()).findFirst()
                .orElseGet(() -> DriftFinding.seen(runbook.connection(), Optional.of(page), d.kind(), d.describe(names), now))).toList();
    }

    /** Resolves the findings of the drift an overwrite undid (an edit undone also undoes a rename). */
    void resolve(Runbook runbook, PageId page, List<PageDrift> drift) {
        Instant now = clock.now();
        for (PageDrift fixed : drift) {
            findings.resolve(runbook.connection(), Optional.of(page), fixed.kind(), now);
            if (fixed.kind() == DriftKind.EDITED_IN_CONFLUENCE) {
                findings.resolve(runbook.connection(), Optional.of(page), DriftKind.RENAMED, now);
            }
        }
    }

    /**
     * Saves the published state with the managed page and the audit event, in one transaction. A concurrent publish that saved first wrote
     * the same page (titles are unique in a space and every publisher adopts the page it finds): keep its state if it
     * published this very content, otherwise save ours on top of its revision.
     */
    private void save(PublishRequest request, Runbook runbook, PublishedState state, AuditEvent report, ManagedPage page) {
        Runbook target = runbook;
        for (int attempt = 1; ; attempt++) {
            try {
                runbooks.updatePublished(target.published(state), page, List.of(report));
                return;
            } catch (ConflictException e) {
                Runbook current = runbooks.findByTarget(runbook.connection(), runbook.space(), runbook.title())
                        .orElseThrow(() -> new ConflictException("runbook '%s' was removed during the publish".formatted(runbook.title())));
                if (current.pageId().isPresent() && !current.pageId().get().equals(state.pageId())) {
                    throw new ConflictException("runbook '%s' was published as page %s by another publish while this one wrote page %s"
                            .formatted(runbook.title(), current.pageId().get(), state.pageId()));
                }
                boolean same = current.published().map(p -> p.contentHash().equals(state.contentHash())
                        && p.version().equals(state.version()) && p.attachments().containsAll(state.attachments())).orElse(false);
                if (same) {
                    managedPages.save(page);
                    audit.append(report);
                    return;
                }
                if (attempt == ATTEMPTS) {
                    throw new StaleRunbookException("runbook " + runbook.id() + " kept being saved by other publishes");
                }
                target = request.applyTo(current);
            }
        }
    }
}
