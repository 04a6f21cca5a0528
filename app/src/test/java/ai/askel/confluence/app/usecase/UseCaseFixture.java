package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.ConnectionStatus;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.TemplateCatalogPort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The fakes and in-memory ports one test needs, and the services built on them. */
final class UseCaseFixture {
    static final String EMAIL = "bot@example.com";
    static final String TOKEN = "ATATT-good-token";
    static final String ACCOUNT = "557058:askel";

    final InMemoryRepositories.MutableClock clock = new InMemoryRepositories.MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    final FakeConfluence confluence = new FakeConfluence();
    final InMemoryRepositories.Store store = new InMemoryRepositories.Store();
    final InMemoryRepositories.Connections connections = store.connections;
    final InMemoryRepositories.ManagedPages managedPages = store.managedPages;
    final InMemoryRepositories.DriftFindings findings = store.findings;
    final InMemoryRepositories.DriftScans driftScans = store.driftScans;
    final InMemoryRepositories.ApiKeys apiKeys = store.apiKeys;
    final InMemoryRepositories.Idempotency idempotency = store.idempotency;
    final InMemoryRepositories.AuditLog auditLog = store.auditLog;
    final InMemoryRepositories.Runbooks runbooks = store.runbooks;
    final UseCaseSettings settings;
    final TemplateCatalogPort templates = TestTemplates.catalog(new TestTemplates.Runbook(), new TestTemplates.Broken());
    final AuditTrail audit = new AuditTrail(auditLog, clock);
    final ConnectionLookup lookup = new ConnectionLookup(connections);
    final WorkspaceId workspace = WorkspaceId.random();

    UseCaseFixture() {
        this(UseCaseSettings.defaults().withAllowedSiteOrigins(List.of("http://127.0.0.1:8089")));
    }

    UseCaseFixture(UseCaseSettings settings) {
        this.settings = settings;
        store.workspaces.insert(new ai.askel.confluence.domain.Workspace(workspace, "workspace " + workspace, clock.now()));
        confluence.acceptCredentials(EMAIL, TOKEN, ACCOUNT);
        confluence.addSpace("OPS");
    }

    private final java.util.concurrent.atomic.AtomicInteger connectionsMade = new java.util.concurrent.atomic.AtomicInteger();

    /** A stored, verified connection in this fixture's workspace. */
    ConnectionRef connection() {
        return connection(Optional.empty());
    }

    ConnectionRef connection(Optional<LocalDate> tokenExpiresOn) {
        Instant now = clock.now();
        int n = connectionsMade.incrementAndGet();
        // names are unique in a workspace: the first is Crestview, any more Crestview 2, 3...
        Connection c = new Connection(ConnectionId.random(), workspace, n == 1 ? "Crestview" : "Crestview " + n, SiteUrl.parse("https://crestview.atlassian.net", List.of()),
                Optional.empty(), EmailAddress.of(EMAIL), Secret.of(TOKEN, "apiToken"), Optional.of(ACCOUNT), ConnectionStatus.ACTIVE,
                tokenExpiresOn, now, now);
        connections.save(c);
        return new ConnectionRef(workspace, c.id());
    }

    AttachmentGuard guard() {
        return new AttachmentGuard(settings);
    }

    PublishRunbookService publisher() {
        return publisher(new PublishLocks());
    }

    /** A publisher of a connector whose publishes of one runbook take turns on {@code locks}. */
    PublishRunbookService publisher(PublishLocks locks) {
        ParentPages parents = new ParentPages(confluence, new PageCreation(confluence), managedPages, findings, clock);
        RunbookPublication publication = new RunbookPublication(runbooks, new RunbookPages(confluence, confluence, parents, findings),
                new PublishSteps(confluence, new PageCreation(confluence), parents, confluence.labels,
                        new RunbookAttachments(confluence.attachments, guard())),
                new PublishedStates(runbooks, managedPages, findings, audit, clock), audit, new AccountNames(confluence));
        return new PublishRunbookService(lookup, preparer(), runbooks, publication, locks, audit);
    }

    UpdatePageService updatePages() {
        return new UpdatePageService(lookup, confluence, audit, ai.askel.confluence.plugins.declarative.MarkdownToStorage::convert, settings);
    }

    CreatePageService createPages() {
        return new CreatePageService(lookup, new PageCreation(confluence), confluence.labels, audit, ai.askel.confluence.plugins.declarative.MarkdownToStorage::convert);
    }

    RunbookPreparer preparer() {
        return new RunbookPreparer(templates, new TemplateInputValidator(), guard(), ai.askel.confluence.plugins.declarative.MarkdownToStorage::convert);
    }

    CheckDriftService drift() {
        PageDriftScan pages = new PageDriftScan(new PageSightings(confluence, confluence), attachmentDrift(), managedPages, runbooks,
                new SpaceAccessCheck(confluence, confluence), new AccountNames(confluence));
        return new CheckDriftService(lookup, connections, new ConnectionDriftScan(connections, confluence, managedPages, findings, pages, settings),
                findings, driftScans, driftScans, clock);
    }

    AttachmentDriftCheck attachmentDrift() {
        return new AttachmentDriftCheck(confluence.attachments, findings, clock);
    }

    AttachToRunbookService attachToRunbook() {
        return new AttachToRunbookService(lookup, runbooks, confluence.attachments, guard(), new RunbookRerender(preparer(), confluence, runbooks),
                attachmentDrift(), audit);
    }

    AcknowledgeDriftFindingService acknowledgeDrift() {
        return new AcknowledgeDriftFindingService(driftTargets(), findings, clock, audit);
    }

    AdoptDriftFindingService adoptDrift() {
        return new AdoptDriftFindingService(driftTargets(), confluence, confluence.attachments, new DriftBaseline(managedPages, runbooks), clock,
                audit);
    }

    OverwriteDriftFindingService overwriteDrift() {
        DriftBaseline baseline = new DriftBaseline(managedPages, runbooks);
        return new OverwriteDriftFindingService(driftTargets(), confluence, new PageRestorer(confluence, confluence.labels, baseline),
                publisher(), baseline, clock, audit);
    }

    private DriftFindingTarget driftTargets() {
        return new DriftFindingTarget(lookup, findings, managedPages, runbooks);
    }

    RegisterConnectionService registration() {
        return new RegisterConnectionService(connections, confluence, clock, audit, settings);
    }
}
