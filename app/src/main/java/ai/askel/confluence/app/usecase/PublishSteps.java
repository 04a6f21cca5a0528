package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.ContentBaseline;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageDrift;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.PublishDecision;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.NewPage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out a {@link PublishDecision} in Confluence: creates the page (a lost create, or one refused
 * because the title is taken, is recovered by the title lookup and the page found is adopted), or writes the next version on top of the version just read (one PUT, no
 * extra GET), or leaves it; then adds the missing labels (one call) and uploads the files the decision
 * names ({@link RunbookAttachments}). It decides nothing itself.
 */
final class PublishSteps {
    private final ConfluencePagesPort pages;
    private final PageCreation creation;
    private final ParentPages parents;
    private final ConfluenceLabelsPort labels;
    private final RunbookAttachments attachments;

    @Inject
    public PublishSteps(ConfluencePagesPort pages, PageCreation creation, ParentPages parents, ConfluenceLabelsPort labels,
                        RunbookAttachments attachments) {
        this.pages = pages;
        this.creation = creation;
        this.parents = parents;
        this.labels = labels;
        this.attachments = attachments;
    }

    /**
     * What a publish wrote: the page as it now is, the outcome, the extras written, and the drift it overwrote (the
     * decision's, or, for a page with the title taken over, that page's).
     */
    record Written(Page page, PageId parentId, PublishOutcome outcome, PublishAction action, ContentHash contentHash,
                   Set<Label> labelsAdded, List<String> uploaded, List<PublishedAttachment> attachments, List<PageDrift> overwritten) {
    }

    Written carryOut(ConfluenceAccess access, PublishRequest request, Runbook runbook, RunbookPages.Located located,
                     PublishDecision decision) {
        PageId parentId = located.parentId().orElseThrow();
        Placed placed = switch (decision.step()) {
            case CREATE -> create(access, request, runbook, located, decision);
            case WRITE -> new Placed(write(access, request, located.page().orElseThrow()), PublishOutcome.UPDATED, decision.action(),
                    decision, true);
            case KEEP -> new Placed(located.page().orElseThrow(), PublishOutcome.UNCHANGED, decision.action(), decision, false);
            default -> throw new IllegalArgumentException("a publish does not carry out " + decision.step());
        };
        Page page = placed.page();
        Set<Label> labelsAdded = placed.decision().labelsToAdd();
        if (!labelsAdded.isEmpty()) {
            WriteRefusals.onPageContent(access, page, () -> {
                labels.add(access, page.id(), labelsAdded);
                return page;
            });
        }
        List<PublishedAttachment> written = new ArrayList<>(runbook.published().map(PublishedState::attachments).orElse(List.of()));
        List<String> uploaded = WriteRefusals.onPageContent(access, page,
                () -> attachments.upload(access, request, runbook, page.id(), placed.decision().attachmentsToUpload(), written));
        ContentHash hash = request.content().expectedHash().orElseGet(() -> ContentBaseline.fingerprint(request.title(),
                (placed.wroteBody() ? pages.read(access, page.id()).orElse(page) : page).body().value()));
        return new Written(page, parentId, placed.outcome(), placed.action(), hash, labelsAdded, uploaded, written,
                placed.decision().drift());
    }

    /** The page a step left, its outcome and action, the decision that holds for it, and whether it got a new body. */
    private record Placed(Page page, PublishOutcome outcome, PublishAction action, PublishDecision decision, boolean wroteBody) {
    }

    private Placed create(ConfluenceAccess access, PublishRequest request, Runbook runbook, RunbookPages.Located located,
                          PublishDecision decision) {
        PageId parentId = located.parentId().orElseThrow();
        PageCreation.Outcome outcome;
        try {
            outcome = creation.create(access, new NewPage(request.space(), request.title(), Optional.of(parentId), request.content().body()));
        } catch (NotFoundException refused) {
            // Confluence answers 404 both for a parent that is gone and for a space where the user may only view
            Optional<Page> parent = pages.read(access, parentId);
            if (parent.isPresent()) {
                throw WriteRefusals.lost(access, parent.get().title(), parentId, parent.get().space(), parent.get().webUrl(),
                        "add pages under it", refused);
            }
            if (!located.parentFromRecord()) {
                throw refused;
            }
            // the recorded parent was deleted in Confluence: forget it, and find or create it again
            parents.forget(request.ref(), parentId);
            throw new StaleRunbookException("parent page " + parentId + " is gone");
        }
        if (outcome.created().isPresent()) {
            return new Placed(outcome.created().get(), PublishOutcome.CREATED, decision.action(), decision, true);
        }
        // the title is taken: by the page this create made when its answer was lost, or by a page that was there
        // already (or that a concurrent publish made), which is adopted under the parent: ask again with the page as it is
        PageSummary found = RunbookPages.requireUnder(outcome.found().orElseThrow(), parentId, request);
        Page page = pages.read(access, found.id()).orElseThrow(() -> new StaleRunbookException(
                "page " + found.id() + " disappeared while it was being adopted"));
        PublishDecision again = runbook.plan(Optional.of(page), request.content(), request.command().onDrift(), List.of(), request.writer());
        if (again.step() == PublishDecision.Step.REFUSE || again.step() == PublishDecision.Step.SKIP) {
            throw new TakeoverDeclined(page, again);
        }
        if (again.step() == PublishDecision.Step.WRITE) {
            return new Placed(write(access, request, page), PublishOutcome.UPDATED, again.action(), again, true);
        }
        return outcome.answerLost() ? new Placed(page, PublishOutcome.CREATED, decision.action(), again, false)
                : new Placed(page, PublishOutcome.UNCHANGED, again.action(), again, false);
    }

    /** Writes the content on top of the version just read; the page it answers keeps the labels that read found. */
    private Page write(ConfluenceAccess access, PublishRequest request, Page remote) {
        PageRevision revision = remote.revise(Optional.of(request.title()), request.content().body(),
                Optional.of("Published by Askel from " + request.content().source().describe()));
        try {
            return remote.apply(revision, WriteRefusals.revise(access, pages, remote, revision));
        } catch (VersionConflictException e) {
            throw new StaleRunbookException("page " + remote.id() + " moved on while it was being published");
        }
    }
}
