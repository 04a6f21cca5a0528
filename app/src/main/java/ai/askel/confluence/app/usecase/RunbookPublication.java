package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PublishDecision;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishPlan;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One runbook publish, once it is prepared: finds what Confluence holds ({@link RunbookPages}), asks the
 * runbook what to do ({@link Runbook#plan}), carries it out ({@link PublishSteps}) and saves the outcome with its
 * audit event ({@link PublishedStates}). A dry run asks the same question with reads only.
 *
 * <p>The runbook's identity is its stored page id. Before the first create the runbook row is claimed (a
 * revision bump; a row the publish inserted itself counts as claimed), so a concurrent publisher in another process
 * re-evaluates: whoever finds the runbook changed under it starts again from the stored runbook, a bounded number of
 * times.
 */
final class RunbookPublication {
    private final RunbookRepositoryPort runbooks;
    private final RunbookPages located;
    private final PublishSteps steps;
    private final PublishedStates states;
    private final AuditTrail audit;
    private final AccountNames names;

    @Inject
    public RunbookPublication(RunbookRepositoryPort runbooks, RunbookPages located, PublishSteps steps, PublishedStates states,
                              AuditTrail audit, AccountNames names) {
        this.runbooks = runbooks;
        this.located = located;
        this.steps = steps;
        this.states = states;
        this.audit = audit;
        this.names = names;
    }

    /** Fails fast when the space does not exist or the connection's user cannot see it. */
    void requireSpace(ConfluenceAccess access, PublishRequest request) {
        located.requireSpace(access, request);
    }

    /**
     * Publishes from {@code stored}, the runbook as read in this publish's turn (a new one is inserted when there is
     * none, or the one a concurrent publish inserted first is taken), and re-evaluates from the stored runbook
     * whenever a concurrent publisher got there first.
     */
    PublishResult publish(ConfluenceAccess access, PublishRequest request, Optional<Runbook> stored) {
        Runbook runbook;
        boolean claimed;
        if (stored.isPresent()) {
            runbook = stored.get();
            claimed = false;
        } else {
            // The row this publish inserts needs no claim (one commit less): it holds this very request, and a concurrent
            // publisher that found it claims it, which this publish's save then meets as it meets any concurrent save. A
            // row another publish inserted first is claimed as usual.
            Runbook fresh = request.newRunbook();
            runbook = runbooks.insertOrGet(fresh);
            claimed = runbook.id().equals(fresh.id());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(access, request, runbook, claimed, List.of());
            } catch (StaleRunbookException e) {
                if (attempt == PublishedStates.ATTEMPTS) {
                    throw new ConflictException("runbook '%s' in space %s kept being changed by concurrent publishes; try again"
                            .formatted(request.title(), request.space()));
                }
                backOff(attempt);
                runbook = stored(request)
                        .orElseThrow(() -> new ConflictException("runbook '%s' was removed during the publish".formatted(request.title())));
                claimed = false;
            }
        }
    }

    private Optional<Runbook> stored(PublishRequest request) {
        return runbooks.findByTarget(request.ref().connection(), request.space(), request.title());
    }

    /**
     * One evaluation of the publish, audited once it succeeds. {@code undoneBefore} is what a re-create overwrote before
     * it came here, reported with this attempt's own.
     */
    private PublishResult attempt(ConfluenceAccess access, PublishRequest request, Runbook stored, boolean claimed,
                                  List<DriftFinding> undoneBefore) {
        Runbook runbook = stored.published().isPresent() || claimed ? request.applyTo(stored) : states.claim(request.applyTo(stored));
        RunbookPages.Located where = located.locate(access, request, stored, false);
        PublishDecision decision = stored.plan(where.page(), request.content(), request.command().onDrift(), where.attachmentDrift(),
                request.writer());
        Optional<PageId> pageId = stored.pageId();
        switch (decision.step()) {
            case REFUSE, SKIP -> {
                return notWritten(access, request, stored, pageId, where.page(), decision);
            }
            case RECREATE -> {
                states.forgetPage(runbook, pageId.orElseThrow());
                List<DriftFinding> overridden = states.overridden(runbook, pageId.get(), decision.drift(), names.remembered());
                PublishResult again = attempt(access, request, runbook.forgetDeletedPage(), false, concat(undoneBefore, overridden));
                states.resolve(runbook, pageId.get(), decision.drift());
                return new PublishResult(again.runbook(), again.pageId(), again.version(), again.outcome(), again.webUrl(), again.plan(),
                        overridden);
            }
            default -> {
                PublishSteps.Written written;
                try {
                    written = steps.carryOut(access, request, runbook, where, decision);
                } catch (TakeoverDeclined declined) {
                    // the page is not the runbook's: the answer and its audit event name none, as when the plan meets it first
                    return notWritten(access, request, stored, Optional.empty(), Optional.empty(), declined.decision());
                }
                PageId page = written.page().id();
                List<DriftFinding> overridden = states.overridden(runbook, page, written.overwritten(), names.remembered());
                states.record(request, stored, runbook, written, report(request, Optional.of(page), written.outcome(),
                        concat(undoneBefore, overridden)));
                states.resolve(runbook, page, written.overwritten());
                return new PublishResult(Optional.of(runbook.id()), Optional.of(written.page().id()),
                        Optional.of(written.page().version().number()), written.outcome(), written.page().webUrl(),
                        new PublishPlan(written.action(), where.createsParent(), request.content().body().value(), written.labelsAdded(),
                                written.uploaded()), overridden);
            }
        }
    }

    /** A publish that writes nothing: refused with the drift it found, or skipped (and audited as such). */
    private PublishResult notWritten(ConfluenceAccess access, PublishRequest request, Runbook stored, Optional<PageId> pageId,
                                     Optional<Page> page, PublishDecision decision) {
        if (decision.step() == PublishDecision.Step.REFUSE) {
            throw decision.refusal(names.forAnswer(access, decision.editors()));
        }
        audit.append(report(request, pageId, PublishOutcome.SKIPPED, List.of()));
        return new PublishResult(Optional.of(stored.id()), pageId, page.map(p -> p.version().number()), PublishOutcome.SKIPPED,
                page.flatMap(Page::webUrl), plan(request, decision, false, Set.of(), List.of()), List.of());
    }

    /**
     * Plans a publish with reads only: no Confluence write, no row, no audit event. A runbook never stored
     * is reported without an id (there is nothing to fetch yet); drift under {@code fail} is refused as the
     * publish would refuse it.
     */
    PublishResult dryRun(ConfluenceAccess access, PublishRequest request, Optional<Runbook> stored) {
        Runbook runbook = stored.orElseGet(request::newRunbook);
        RunbookPages.Located where = located.locate(access, request, runbook, true);
        PublishDecision decision = runbook.plan(where.page(), request.content(), request.command().onDrift(), where.attachmentDrift(),
                request.writer());
        if (decision.step() == PublishDecision.Step.REFUSE) {
            throw decision.refusal(names.forAnswer(access, decision.editors()));
        }
        Optional<PageId> pageId = runbook.pageId().or(() -> where.page().filter(p -> decision.ownPage()).map(p -> p.id()));
        return new PublishResult(stored.map(Runbook::id), pageId, runbook.published().map(PublishedState::version), PublishOutcome.PLANNED,
                Optional.empty(), plan(request, decision, where.createsParent(), decision.labelsToAdd(), decision.attachmentsToUpload()),
                List.of());
    }

    /** The publish's audit event: its outcome and what it overwrote of the changes made in Confluence. */
    private AuditEvent report(PublishRequest request, Optional<PageId> page, PublishOutcome outcome, List<DriftFinding> overridden) {
        return audit.event(request.ref().workspace(), PublishRunbookService.OPERATION, Optional.of(request.ref().connection()), page,
                outcome.name().toLowerCase(Locale.ROOT) + DriftMessages.overridden(overridden));
    }

    private static <T> List<T> concat(List<T> first, List<T> then) {
        return first.isEmpty() ? then : java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }

    private static PublishPlan plan(PublishRequest request, PublishDecision decision, boolean createsParent,
                                    Set<Label> labels, List<String> uploads) {
        return new PublishPlan(decision.action(), createsParent, request.content().body().value(), labels, uploads);
    }

    /** Gives a concurrent publisher that holds the claim a moment to finish (with jitter, so contenders spread out). */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("the publish was interrupted while waiting for a concurrent publish");
        }
    }
}
