package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.DriftPolicy;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.Page;
import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageRevision;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.PublishAction;
import ai.askel.confluence.domain.PublishedAttachment;
import ai.askel.confluence.domain.PublishedState;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookStatus;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TemplateRef;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.ConflictException;
import ai.askel.confluence.domain.error.ConfluenceUnavailableException;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.error.VersionConflictException;
import ai.askel.confluence.domain.storage.PanelType;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishOutcome;
import ai.askel.confluence.ports.in.PublishPlan;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPage;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.NewPage;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import ai.askel.confluence.ports.out.UploadProgressListener;
import ai.askel.confluence.ports.spi.ContentTemplateProvider;
import ai.askel.confluence.ports.spi.RenderContext;
import ai.askel.confluence.ports.spi.TemplateHostContext;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Publishes a runbook page, idempotently.
 *
 * <ol>
 *   <li>Everything that can be checked locally is checked before the first Confluence call: the
 *       template and its inputs (every problem listed), the rendered storage format, the labels and
 *       the attachments' sizes and hashes (streamed). Bad input writes nothing anywhere.</li>
 *   <li>The space is resolved (cached by the adapter), then the parent: the managed record, else a
 *       page with that title in the space (adopted), else a new page (recorded as managed).</li>
 *   <li>The runbook's identity is its stored page id. Before the first create the runbook row is
 *       claimed (a revision bump) so a concurrent publisher re-evaluates; a page with the runbook's
 *       title under the parent is adopted only on the first publish; a create whose response was
 *       lost, or that collides with a concurrent create, is recovered by the title lookup, never by
 *       a second blind POST.</li>
 *   <li>A published runbook is read once: if Confluence already holds exactly the rendered content,
 *       nothing is written; if it was edited or renamed since the last publish, the drift policy
 *       decides; otherwise the update is based on the version just read (no extra GET).</li>
 *   <li>Only missing labels are added (one call) and only attachments whose SHA-256 changed are
 *       uploaded; then the published state is saved with optimistic locking, the managed page
 *       recorded and an audit event written.</li>
 * </ol>
 *
 * <p>Calls per publish once the space is cached: first publish with the parent present, one
 * attachment and two labels, at most 5; unchanged, 1 (a read) and no write; changed body, 2 or 3.
 */
public final class PublishRunbookService implements PublishRunbookUseCase {
    static final String OPERATION = "runbook.publish";
    /** Rounds of re-evaluation when a concurrent publisher moved the runbook or the page first. */
    static final int ATTEMPTS = 8;
    /** How a refused create may say that the title is taken: 409, or a 400 the adapter could not classify. */
    private static final Set<DriftKind> ATTACHMENT_KINDS = Set.of(DriftKind.ATTACHMENT_MISSING, DriftKind.ATTACHMENT_REPLACED);
    private static final Set<ErrorCode> TITLE_TAKEN_CODES = Set.of(ErrorCode.CONFLICT, ErrorCode.INVALID_INPUT, ErrorCode.CONFLUENCE_ERROR);

    /**
     * Publishes of one runbook in this process take turns: concurrent first publishes would each find
     * the new page without the diagram and upload it (a version each). Across processes the runbook
     * row's revision still orders them; see docs/security-and-reliability.md.
     */
    private static final Lock[] STRIPES = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    private final ConnectionLookup lookup;
    private final TemplateCatalogPort templates;
    private final TemplateInputValidator validator;
    private final AttachmentGuard guard;
    private final ConfluenceSpacesPort spaces;
    private final ConfluencePagesPort pages;
    private final ConfluenceLabelsPort labels;
    private final ConfluenceAttachmentsPort attachments;
    private final RunbookRepositoryPort runbooks;
    private final ManagedPageRepositoryPort managedPages;
    private final DriftFindingRepositoryPort findings;
    private final ClockPort clock;
    private final AuditTrail audit;

    @Inject
    public PublishRunbookService(ConnectionLookup lookup, TemplateCatalogPort templates, TemplateInputValidator validator,
                                 AttachmentGuard guard, ConfluenceSpacesPort spaces, ConfluencePagesPort pages,
                                 ConfluenceLabelsPort labels, ConfluenceAttachmentsPort attachments, RunbookRepositoryPort runbooks,
                                 ManagedPageRepositoryPort managedPages, DriftFindingRepositoryPort findings, ClockPort clock,
                                 AuditTrail audit) {
        this.lookup = lookup;
        this.templates = templates;
        this.validator = validator;
        this.guard = guard;
        this.spaces = spaces;
        this.pages = pages;
        this.labels = labels;
        this.attachments = attachments;
        this.runbooks = runbooks;
        this.managedPages = managedPages;
        this.findings = findings;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public PublishResult publish(PublishRunbookCommand command) {
        Connection connection = lookup.connection(command.ref());
        Request request = prepare(command);
        ConfluenceAccess access = ConfluenceAccess.of(connection);
        spaces.findSpace(access, command.space()).orElseThrow(() -> new NotFoundException(
                "space %s not found, or the connection's user cannot see it".formatted(command.space())));
        if (command.dryRun()) {
            return new DryRun(access, request).plan();
        }
        Lock lock = STRIPES[Math.floorMod(Objects.hash(command.ref().connection(), command.space(), command.title()), STRIPES.length)];
        lock.lock();
        try {
            PublishResult result = publishWithRetries(access, request);
            audit.record(command.ref().workspace(), OPERATION, Optional.of(command.ref().connection()), result.pageId(),
                    result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (result.driftOverridden().isEmpty() ? "" : " (overwrote an edit made in Confluence)"));
            return result;
        } catch (ConnectorException e) {
            audit.failed(command.ref().workspace(), OPERATION, Optional.of(command.ref().connection()), Optional.empty(), e);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    // ---- step 0: everything local, before any Confluence call ----

    /** A validated, rendered publish request. */
    private record Request(PublishRunbookCommand command, TemplateRef template, PageBody body, ContentHash hash, Set<Label> labels,
                           List<PreparedAttachment> attachments) {
        ConnectionRef ref() {
            return command.ref();
        }

        SpaceKey space() {
            return command.space();
        }

        Title title() {
            return command.title();
        }

        Title parentTitle() {
            return command.effectiveParentTitle();
        }

        Runbook newRunbook() {
            return Runbook.create(ref().workspace(), ref().connection(), space(), parentTitle(), title(), template,
                    command.inputs(), labels);
        }

        Runbook applyTo(Runbook runbook) {
            return runbook.withRequest(parentTitle(), template, command.inputs(), labels);
        }
    }

    private record PreparedAttachment(AttachmentUpload upload, AttachmentGuard.Digest digest) {
        /** The same file as one already on the page: name, size, media type and comment (a lost answer's upload). */
        boolean matches(Attachment existing) {
            return existing.fileName().equals(upload.fileName()) && existing.size() == digest.size()
                    && existing.mediaType().equalsIgnoreCase(upload.mediaType()) && existing.comment().equals(upload.comment());
        }

        boolean changedSince(Optional<PublishedState> state) {
            return state.flatMap(s -> s.attachment(upload.fileName())).map(a -> !a.hash().equals(digest.hash())).orElse(true);
        }
    }

    private Request prepare(PublishRunbookCommand command) {
        ContentTemplateProvider template = templates.find(command.templateId()).orElseThrow(() -> InvalidInputException.of("templateId",
                "unknown template '%s'; the loaded templates are %s".formatted(command.templateId(), knownTemplateIds())));
        validator.validate(template.id(), template.inputs(), command.inputs());

        Map<String, AttachmentUpload> uploads = new LinkedHashMap<>();
        for (AttachmentUpload upload : command.attachments()) {
            if (uploads.put(upload.fileName(), upload) != null) {
                throw InvalidInputException.of("attachments", "'%s' is given more than once".formatted(upload.fileName()));
            }
            guard.checkDeclaredSize(upload);
        }
        Set<Label> wantedLabels = new TreeSet<>(command.effectiveLabels());
        template.defaultLabels().forEach(name -> wantedLabels.add(Label.of(name)));

        TemplateRef ref = new TemplateRef(template.id(), template.version());
        String rendered;
        try {
            rendered = template.render(command.inputs(), new RenderContext(TemplateHostContext.CURRENT_SPI_VERSION, command.title(),
                    command.space(), List.copyOf(uploads.keySet())));
        } catch (ConnectorException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR,
                    "template %s failed to render: %s".formatted(ref, e.getMessage()), null, e);
        }
        if (rendered == null) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR, "template %s rendered nothing".formatted(ref));
        }
        PageBody body;
        try {
            body = PageBody.storage(rendered);
        } catch (InvalidInputException e) {
            throw new ConnectorException(ErrorCode.TEMPLATE_ERROR,
                    "template %s rendered a body Confluence would reject: %s".formatted(ref, e.getMessage()), null, e);
        }
        List<PreparedAttachment> prepared = uploads.values().stream()
                .map(upload -> new PreparedAttachment(upload, guard.digest(upload)))
                .toList();
        return new Request(command, ref, body, ContentFingerprint.of(command.title(), body), wantedLabels, prepared);
    }

    private String knownTemplateIds() {
        List<String> ids = templates.all().stream().map(ContentTemplateProvider::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    // ---- the publish itself ----

    /** Re-evaluates from the stored runbook whenever a concurrent publisher got there first. */
    private PublishResult publishWithRetries(ConfluenceAccess access, Request request) {
        Runbook runbook = runbooks.insertOrGet(request.newRunbook());
        for (int attempt = 1; ; attempt++) {
            try {
                return runbook.published().isPresent()
                        ? new Publish(access, request).republish(runbook)
                        : new Publish(access, request).firstPublish(runbook);
            } catch (StaleRunbookException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("runbook '%s' in space %s kept being changed by concurrent publishes; try again"
                            .formatted(request.title(), request.space()));
                }
                backOff(attempt);
                runbook = runbooks.findByTarget(request.ref().connection(), request.space(), request.title())
                        .orElseThrow(() -> new ConflictException("runbook '%s' was removed during the publish".formatted(request.title())));
            }
        }
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

    /** Another publisher moved the runbook (or its page) first: re-load and re-evaluate. */
    private static final class StaleRunbookException extends ConflictException {
        private static final long serialVersionUID = 1L;

        StaleRunbookException(String message) {
            super(message);
        }
    }

    /** A page placed in Confluence by create, or found by title (adopted or recovered). */
    private record Placed(PageId id, boolean createdNow, Optional<Page> page) {
    }

    /** One publish attempt; holds what it wrote so the result can say so. */
    private final class Publish {
        private final ConfluenceAccess access;
        private final Request request;
        private final Instant now = clock.now();
        private boolean createParent;
        /** The page was made by this attempt's create, so it has no attachments yet. */
        private boolean pageCreatedNow;
        private Set<Label> labelsAdded = Set.of();
        private final List<String> uploaded = new ArrayList<>();
        /** An overwrite of attachments replaced or deleted in Confluence: upload them even though their hash is unchanged. */
        private boolean reuploadAttachments;

        Publish(ConfluenceAccess access, Request request) {
            this.access = access;
            this.request = request;
        }

        PublishResult firstPublish(Runbook stored) {
            Runbook claimed = save(request.applyTo(stored));
            ParentRef parent = resolveParent(access, request, false);
            createParent = parent.created();
            PageId parentId = parent.id().orElseThrow();

            Optional<PageSummary> existing = parent.created() ? Optional.empty()
                    : pages.findByTitle(access, request.space(), request.title());
            Placed placed;
            try {
                placed = existing.isPresent()
                        ? requireUnder(existing.get(), parentId)
                        : createOrRecover(new NewPage(request.space(), request.title(), Optional.of(parentId), request.body()), parentId);
            } catch (NotFoundException parentGone) {
                if (!parent.fromRecord()) {
                    throw parentGone;
                }
                // the recorded parent was deleted in Confluence: forget it, and find or create it again
                managedPages.delete(request.ref().connection(), parentId);
                throw new StaleRunbookException("parent page " + parentId + " is gone");
            }

            Page page;
            PublishOutcome outcome;
            if (placed.createdNow()) {
                pageCreatedNow = true;
                page = placed.page().orElseThrow();
                outcome = PublishOutcome.CREATED;
            } else {
                Page remote = pages.read(access, placed.id()).orElseThrow(() -> new StaleRunbookException(
                        "page " + placed.id() + " disappeared while it was being adopted"));
                if (holdsRequest(remote)) {
                    page = remote;
                    outcome = existing.isPresent() ? PublishOutcome.UNCHANGED : PublishOutcome.CREATED;
                } else {
                    page = write(remote);
                    outcome = PublishOutcome.UPDATED;
                }
            }
            return finish(claimed, page, parentId, Optional.empty(), outcome, List.of(),
                    existing.isPresent() ? PublishAction.UPDATE : PublishAction.CREATE, true);
        }

        PublishResult republish(Runbook stored) {
            Runbook runbook = request.applyTo(stored);
            PublishedState state = runbook.published().orElseThrow();
            PublishAction action = runbook.decide(request.hash());
            Optional<Page> read = pages.read(access, state.pageId());
            if (read.isEmpty()) {
                return pageDeleted(runbook, state);
            }
            Page remote = read.get();
            // the page holds this request when it shows what it renders, or when the inputs are unchanged and the page is at
            // the version recorded as the baseline (a person may have adopted its content as it is: it stays)
            boolean holds = holdsRequest(remote) || action == PublishAction.NO_OP && remote.version().number().equals(state.version());
            List<Drift> drift = new ArrayList<>();
            if (!holds) {
                driftOf(runbook, state, remote).ifPresent(drift::add);
            }
            drift.addAll(extrasDrift(request, runbook, state, remote));
            List<DriftFinding> overridden = List.of();
            if (!drift.isEmpty()) {
                switch (request.command().onDrift()) {
                    case FAIL -> throw new ConnectorException(ErrorCode.DRIFT_DETECTED, drift.stream().map(Drift::detail)
                            .collect(Collectors.joining("; ")) + "; nothing was overwritten. Publish with onDrift=overwrite "
                            + "(--on-drift overwrite in the CLI) to replace it, or skip to leave it");
                    case SKIP -> {
                        return result(runbook, Optional.of(state.pageId()), Optional.of(remote.version().number()),
                                PublishOutcome.SKIPPED, remote.webUrl(), PublishAction.NO_OP, List.of());
                    }
                    case OVERWRITE -> overridden = drift.stream().map(d -> DriftFinding.seen(runbook.connection(),
                            Optional.of(state.pageId()), d.kind(), d.detail(), now)).toList();
                }
            }
            reuploadAttachments = overridden.stream().anyMatch(d -> ATTACHMENT_KINDS.contains(d.kind()));
            Page page = remote;
            PublishOutcome outcome = PublishOutcome.UNCHANGED;
            if (!holds) {
                page = write(remote);
                outcome = PublishOutcome.UPDATED;
                action = PublishAction.UPDATE;
            }
            boolean requestChanged = !(stored.template().equals(runbook.template()) && stored.inputs().equals(runbook.inputs())
                    && stored.labels().equals(runbook.labels()) && stored.parentTitle().equals(runbook.parentTitle()));
            PublishResult result = finish(runbook, page, state.parentId(), Optional.of(state), outcome, overridden, action, requestChanged);
            for (DriftFinding fixed : overridden) {
                findings.resolve(runbook.connection(), Optional.of(state.pageId()), fixed.kind(), now);
                if (fixed.kind() == DriftKind.EDITED_IN_CONFLUENCE) {
                    findings.resolve(runbook.connection(), Optional.of(state.pageId()), DriftKind.RENAMED, now);
                }
            }
            return result;
        }

        /** Whether the page already holds exactly what this request renders (so nothing needs writing). */
        private boolean holdsRequest(Page remote) {
            return remote.title().equals(request.title()) && ContentFingerprint.of(request.title(), remote.body()).equals(request.hash());
        }

        private PublishResult pageDeleted(Runbook runbook, PublishedState state) {
            String detail = "page %s '%s' was deleted in Confluence since the last publish".formatted(state.pageId(), state.title());
            return switch (request.command().onDrift()) {
                case FAIL -> throw new ConnectorException(ErrorCode.DRIFT_DETECTED,
                        detail + "; nothing was written. Publish with onDrift=overwrite (--on-drift overwrite in the CLI) to create it again, or skip to leave it");
                case SKIP -> result(runbook, Optional.of(state.pageId()), Optional.empty(), PublishOutcome.SKIPPED, Optional.empty(),
                        PublishAction.NO_OP, List.of());
                case OVERWRITE -> recreate(runbook, state, detail);
            };
        }

        /** Forgets the deleted page: the runbook starts over as never published (at its stored revision) and is created again. */
        private PublishResult recreate(Runbook runbook, PublishedState state, String detail) {
            Runbook restarted = new Runbook(runbook.id(), runbook.workspace(), runbook.connection(), runbook.space(),
                    runbook.parentTitle(), runbook.title(), runbook.template(), runbook.inputs(), runbook.labels(),
                    Optional.empty(), RunbookStatus.NEW, runbook.revision());
            managedPages.delete(runbook.connection(), state.pageId());
            PublishResult result = firstPublish(restarted);
            findings.resolve(runbook.connection(), Optional.of(state.pageId()), DriftKind.DELETED, now);
            DriftFinding deleted = DriftFinding.seen(runbook.connection(), Optional.of(state.pageId()), DriftKind.DELETED, detail, now);
            return new PublishResult(result.runbook(), result.pageId(), result.version(), result.outcome(), result.webUrl(),
                    result.plan(), List.of(deleted));
        }

        /**
         * Writes the rendered body (and title) on top of the version just read, with one PUT: no extra GET, no
         * blind overwrite. The page it answers keeps the labels that read found.
         */
        private Page write(Page remote) {
            PageRevision revision = remote.revise(Optional.of(request.title()), request.body(),
                    Optional.of("Published by Askel from template " + request.template()));
            try {
                return remote.apply(revision, pages.write(access, revision));
            } catch (VersionConflictException e) {
                throw new StaleRunbookException("page " + remote.id() + " moved on while it was being published");
            }
        }

        private Placed requireUnder(PageSummary found, PageId parentId) {
            if (!found.parentId().equals(Optional.of(parentId))) {
                throw new ConflictException(("a page titled '%s' already exists in space %s (page %s), but not under '%s'; "
                        + "the connector adopts an existing page only under its parent. Rename or move that page, or choose another title")
                        .formatted(request.title(), request.space(), found.id(), request.parentTitle()));
            }
            return new Placed(found.id(), false, Optional.empty());
        }

        private Placed createOrRecover(NewPage newPage, PageId parentId) {
            Creation creation = createPage(pages, access, newPage);
            if (creation.created().isPresent()) {
                Page page = creation.created().get();
                return new Placed(page.id(), true, Optional.of(page));
            }
            return requireUnder(creation.found().orElseThrow(), parentId);
        }

        /** Adds missing labels, uploads changed attachments, and records the published state. */
        private PublishResult finish(Runbook runbook, Page page, PageId parentId, Optional<PublishedState> previous,
                                     PublishOutcome outcome, List<DriftFinding> overridden, PublishAction action,
                                     boolean requestChanged) {
            Set<Label> missing = request.labels().stream().filter(l -> !page.labels().contains(l))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!missing.isEmpty()) {
                labels.add(access, page.id(), missing);
                labelsAdded = missing;
            }
            List<PublishedAttachment> published = new ArrayList<>(previous.map(PublishedState::attachments).orElse(List.of()));
            List<Attachment> present = previous.isEmpty() && !pageCreatedNow && !request.attachments().isEmpty()
                    ? attachments.list(access, page.id()) : List.of();
            for (PreparedAttachment attachment : request.attachments()) {
                Optional<Attachment> uploadedBefore = present.stream().filter(attachment::matches).findFirst();
                if (uploadedBefore.isPresent()) {
                    // a first publish that lost the upload's answer: the file is there already, a second PUT would add a version
                    published.add(PublishedAttachment.written(attachment.upload().fileName(), attachment.digest().hash(),
                            uploadedBefore.get(), attachment.digest().size()));
                } else if (reuploadAttachments || attachment.changedSince(previous)) {
                    Attachment written = attachments.upload(access, page.id(), guard.limited(attachment.upload()), UploadProgressListener.NONE);
                    published.removeIf(a -> a.fileName().equals(attachment.upload().fileName()));
                    published.add(PublishedAttachment.written(attachment.upload().fileName(), attachment.digest().hash(), written,
                            attachment.digest().size()));
                    uploaded.add(attachment.upload().fileName());
                }
            }
            Version version = page.version().number();
            boolean wroteNothing = outcome == PublishOutcome.UNCHANGED && labelsAdded.isEmpty() && uploaded.isEmpty();
            boolean stateUnchanged = previous.isPresent() && previous.get().version().equals(version)
                    && previous.get().contentHash().equals(request.hash()) && previous.get().labels().equals(request.labels());
            if (!(wroteNothing && stateUnchanged && !requestChanged && runbook.status() == RunbookStatus.PUBLISHED)) {
                PublishedState state = new PublishedState(page.id(), parentId, version, request.hash(), request.title(), request.labels(),
                        published, now);
                record(runbook, state);
                managedPages.save(new ManagedPage(runbook.connection(), page.id(), request.space(), request.title(), Optional.of(parentId),
                        ManagedPage.Role.RUNBOOK, Optional.of(runbook.id()), version, request.hash(), request.labels(), now));
            }
            return result(runbook, Optional.of(page.id()), Optional.of(version), outcome, page.webUrl(), action, overridden);
        }

        private PublishResult result(Runbook runbook, Optional<PageId> pageId, Optional<Version> version, PublishOutcome outcome,
                                     Optional<String> webUrl, PublishAction action, List<DriftFinding> overridden) {
            PublishPlan plan = new PublishPlan(action, createParent, request.body().value(), labelsAdded, uploaded);
            return new PublishResult(runbook.id(), pageId, version, outcome, webUrl, plan, overridden);
        }

        /**
         * Saves the published state. A concurrent publish that saved first wrote the same page (titles
         * are unique in a space and every publisher adopts the page it finds): keep its state if it
         * published this very content, otherwise save ours on top of its revision.
         */
        private void record(Runbook runbook, PublishedState state) {
            Runbook target = runbook;
            for (int attempt = 1; ; attempt++) {
                try {
                    runbooks.update(target.published(state));
                    return;
                } catch (ConflictException e) {
                    Runbook current = runbooks.findByTarget(runbook.connection(), runbook.space(), runbook.title())
                            .orElseThrow(() -> new ConflictException("runbook '%s' was removed during the publish".formatted(runbook.title())));
                    if (current.pageId().isPresent() && !current.pageId().get().equals(state.pageId())) {
                        throw new ConflictException("runbook '%s' was published as page %s by another publish while this one wrote page %s"
                                .formatted(runbook.title(), current.pageId().get(), state.pageId()));
                    }
                    boolean sameState = current.published().map(p -> p.contentHash().equals(state.contentHash())
                            && p.version().equals(state.version()) && p.attachments().containsAll(state.attachments())).orElse(false);
                    if (sameState) {
                        return;
                    }
                    if (attempt == ATTEMPTS) {
                        throw new StaleRunbookException("runbook " + runbook.id() + " kept being saved by other publishes");
                    }
                    target = request.applyTo(current);
                }
            }
        }

        private Runbook save(Runbook runbook) {
            try {
                return runbooks.update(runbook);
            } catch (ConflictException e) {
                throw new StaleRunbookException("runbook " + runbook.id() + " was saved by another publish first");
            }
        }
    }

    /** A change made in Confluence since the last publish: an edit of the body (which wins) or a rename. */
    private record Drift(DriftKind kind, String detail) {
    }

    /**
     * What a publish would undo besides the body and title: managed labels removed in Confluence (seen
     * live on the page just read), and attachments a drift scan found missing or replaced (listing them
     * here would cost a call per publish, so the last scan's open findings are used).
     */
    private List<Drift> extrasDrift(Request request, Runbook runbook, PublishedState state, Page remote) {
        List<Drift> drift = new ArrayList<>();
        Set<Label> removed = state.labels().stream().filter(request.labels()::contains).filter(l -> !remote.labels().contains(l))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!removed.isEmpty()) {
            drift.add(new Drift(DriftKind.LABELS_REMOVED, "labels %s were removed from page %s '%s' in Confluence since the last publish"
                    .formatted(removed.stream().map(Label::name).collect(Collectors.joining(", ")), state.pageId(), state.title())));
        }
        if (!request.attachments().isEmpty()) {
            findings.listOpen(runbook.connection()).stream()
                    .filter(f -> f.pageId().equals(Optional.of(state.pageId())) && ATTACHMENT_KINDS.contains(f.kind()))
                    .forEach(f -> drift.add(new Drift(f.kind(), f.detail())));
        }
        return drift;
    }

    /** What changed in Confluence since the last publish (an edit or a rename), if anything. */
    private static Optional<Drift> driftOf(Runbook runbook, PublishedState state, Page remote) {
        List<String> changes = new ArrayList<>();
        boolean edited = runbook.isEditedElsewhere(remote.version().number())
                && !ContentFingerprint.of(state.title(), remote.body()).equals(state.contentHash());
        if (edited) {
            changes.add("edited (now version %s; the connector published version %s%s)".formatted(remote.version().number(),
                    state.version(), remote.version().authorId().map(a -> ", last edit by account " + a).orElse("")));
        }
        if (!remote.title().equals(state.title())) {
            changes.add("renamed to '%s'".formatted(remote.title()));
        }
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(new Drift(edited ? DriftKind.EDITED_IN_CONFLUENCE : DriftKind.RENAMED,
                "page %s '%s' was %s in Confluence since the last publish"
                        .formatted(state.pageId(), state.title(), String.join(" and ", changes))));
    }

    // ---- the parent page ----

    private record ParentRef(Optional<PageId> id, boolean created, boolean fromRecord) {
    }

    /** The managed parent, else a page with its title (adopted), else a new one; in a dry run nothing is created or recorded. */
    private ParentRef resolveParent(ConfluenceAccess access, Request request, boolean dryRun) {
        Optional<ManagedPage> managed = managedPages.findByTitle(request.ref().connection(), request.space(), request.parentTitle());
        if (managed.isPresent() && !dryRun && ParentGone.forget(managed.get(), findings, managedPages)) {
            managed = Optional.empty(); // a drift scan found it deleted or trashed: never write under it
        }
        if (managed.isPresent()) {
            return new ParentRef(Optional.of(managed.get().pageId()), false, true);
        }
        Optional<PageSummary> existing = pages.findByTitle(access, request.space(), request.parentTitle());
        if (existing.isPresent()) {
            if (!dryRun) {
                recordParent(request, existing.get().id(), existing.get().version().number(), ContentFingerprint.of(request.parentTitle(), ""));
            }
            return new ParentRef(Optional.of(existing.get().id()), false, false);
        }
        if (dryRun) {
            return new ParentRef(Optional.empty(), true, false);
        }
        PageBody body = PageBody.storage(StorageBuilder.create()
                .panel(PanelType.INFO, null, b -> b.paragraph("The pages under this one are published and kept up to date by "
                        + "the Askel connector. Edits made here may be reported as drift."))
                .build());
        NewPage newPage = new NewPage(request.space(), request.parentTitle(), Optional.empty(), body);
        Creation creation = createPage(pages, access, newPage);
        if (creation.created().isPresent()) {
            Page created = creation.created().get();
            recordParent(request, created.id(), created.version().number(), ContentFingerprint.of(request.parentTitle(), body));
            return new ParentRef(Optional.of(created.id()), true, false);
        }
        PageSummary found = creation.found().orElseThrow();
        recordParent(request, found.id(), found.version().number(), ContentFingerprint.of(request.parentTitle(), body));
        return new ParentRef(Optional.of(found.id()), false, false);
    }

    private void recordParent(Request request, PageId id, Version version, ContentHash hash) {
        managedPages.save(new ManagedPage(request.ref().connection(), id, request.space(), request.parentTitle(), Optional.empty(),
                ManagedPage.Role.PARENT, Optional.empty(), version, hash, Set.of(), clock.now()));
    }

    /** The page a create made, or the page with its title that a concurrent or lost create made. */
    private record Creation(Optional<Page> created, Optional<PageSummary> found) {
    }

    /**
     * One create, never replayed blindly. When its response was lost (timeout, 5xx) the page is
     * looked up by title first, and only a create that the lookup does not find is sent once more.
     * When Confluence refuses it because the title is taken (a concurrent create won; whether it says
     * so as 409 or 400 is not documented), the page with that title is the answer.
     */
    private static Creation createPage(ConfluencePagesPort pages, ConfluenceAccess access, NewPage newPage) {
        try {
            return new Creation(Optional.of(pages.create(access, newPage)), Optional.empty());
        } catch (ConfluenceUnavailableException lostResponse) {
            Optional<PageSummary> found = pages.findByTitle(access, newPage.space(), newPage.title());
            if (found.isPresent()) {
                return new Creation(Optional.empty(), found);
            }
            return new Creation(Optional.of(pages.create(access, newPage)), Optional.empty());
        } catch (ConnectorException refused) {
            if (!TITLE_TAKEN_CODES.contains(refused.code())) {
                throw refused;
            }
            PageSummary found = pages.findByTitle(access, newPage.space(), newPage.title()).orElseThrow(() -> refused);
            return new Creation(Optional.empty(), Optional.of(found));
        }
    }

    // ---- dry run: the same decisions, reads only ----

    /**
     * Plans a publish with reads only: no Confluence write, no row (a runbook never published before
     * is reported under a fresh id that is not stored), no audit event. Drift under the {@code fail}
     * policy is reported as the publish would report it.
     */
    private final class DryRun {
        private final ConfluenceAccess access;
        private final Request request;

        DryRun(ConfluenceAccess access, Request request) {
            this.access = access;
            this.request = request;
        }

        PublishResult plan() {
            Optional<Runbook> stored = runbooks.findByTarget(request.ref().connection(), request.space(), request.title());
            Optional<PublishedState> state = stored.flatMap(Runbook::published);
            Runbook runbook = stored.map(request::applyTo).orElseGet(request::newRunbook);
            PublishAction action;
            boolean createParent = false;
            Set<Label> present = Set.of();
            Optional<PageId> pageId = Optional.empty();
            boolean reupload = false;
            boolean leaveAlone = false;
            if (state.isPresent()) {
                Optional<Page> remote = pages.read(access, state.get().pageId());
                pageId = Optional.of(state.get().pageId());
                DriftPolicy policy = request.command().onDrift();
                if (remote.isEmpty()) {
                    if (policy == DriftPolicy.FAIL) {
                        throw new ConnectorException(ErrorCode.DRIFT_DETECTED, "page %s '%s' was deleted in Confluence since the last publish"
                                .formatted(state.get().pageId(), state.get().title()));
                    }
                    action = policy == DriftPolicy.OVERWRITE ? PublishAction.CREATE : PublishAction.NO_OP;
                } else {
                    present = remote.get().labels();
                    boolean holds = remote.get().title().equals(request.title())
                            && ContentFingerprint.of(request.title(), remote.get().body()).equals(request.hash());
                    List<Drift> drift = new ArrayList<>();
                    if (!holds) {
                        driftOf(runbook, state.get(), remote.get()).ifPresent(drift::add);
                    }
                    drift.addAll(extrasDrift(request, runbook, state.get(), remote.get()));
                    if (!drift.isEmpty() && policy == DriftPolicy.FAIL) {
                        throw new ConnectorException(ErrorCode.DRIFT_DETECTED, drift.stream().map(Drift::detail)
                                .collect(Collectors.joining("; ")) + "; a publish would overwrite nothing");
                    }
                    reupload = policy == DriftPolicy.OVERWRITE && drift.stream().anyMatch(d -> ATTACHMENT_KINDS.contains(d.kind()));
                    leaveAlone = !drift.isEmpty() && policy == DriftPolicy.SKIP;
                    if (holds || leaveAlone) {
                        action = PublishAction.NO_OP;
                    } else {
                        action = PublishAction.UPDATE;
                    }
                }
            } else {
                ParentRef parent = resolveParent(access, request, true);
                createParent = parent.created();
                Optional<PageSummary> existing = parent.created() ? Optional.empty()
                        : pages.findByTitle(access, request.space(), request.title());
                action = existing.isPresent() ? PublishAction.UPDATE : PublishAction.CREATE;
                pageId = existing.map(PageSummary::id);
            }
            Set<Label> have = new HashSet<>(present);
            Set<Label> labelsToAdd = request.labels().stream().filter(l -> !have.contains(l)).collect(Collectors.toCollection(TreeSet::new));
            boolean uploadAll = reupload;
            List<String> toUpload = request.attachments().stream().filter(a -> uploadAll || a.changedSince(state))
                    .map(a -> a.upload().fileName()).toList();
            if (leaveAlone) {
                labelsToAdd = Set.of();
                toUpload = List.of();
            }
            PublishPlan plan = new PublishPlan(action, createParent, request.body().value(), labelsToAdd, toUpload);
            return new PublishResult(runbook.id(), pageId, state.map(PublishedState::version), PublishOutcome.PLANNED, Optional.empty(),
                    plan, List.of());
        }
    }
}
