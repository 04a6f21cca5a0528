package ai.askel.confluence.app;

import ai.askel.confluence.adapter.persistence.HostDatabaseSettings;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.wiring.ConnectorComponent;
import ai.askel.confluence.app.wiring.ConnectorUseCases;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.ManageWorkspacesUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.ReloadTemplatesUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.RotateMasterKeyUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The connector embedded in a JVM service: every use case, wired to Confluence Cloud and the
 * configured database. Build one per process and close it on shutdown; it is safe to share between threads.
 *
 * <pre>{@code
 * try (AskelConfluence askel = AskelConfluence.builder().dataDirectory(Path.of("/var/lib/askel")).build()) {
 *     AskelWorkspace workspace = askel.defaultWorkspace();
 *     Connection c = askel.registerConnection().register(workspace.newConnection().name("acme")
 *             .siteUrl("https://acme.atlassian.net").email("admin@acme.example").apiToken(Secret.token(token)).build());
 *     Page page = askel.readPage().read(workspace.connection(c.id()), PageId.of("123"));
 * }
 * }</pre>
 */
public final class AskelConfluence implements AutoCloseable {
    private final ConnectorComponent component;
    private final DeadlineBound deadlines;

    private AskelConfluence(ConnectorComponent component, AppConfig config) {
        this.component = component;
        this.deadlines = new DeadlineBound(config.duration(Setting.REQUEST_DEADLINE));
        ConnectorStartUp.run(component); // the database migrated and the master key checked now, not at the first call
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The connector configured from environment variables and an optional properties file. */
    public static AskelConfluence fromEnvironment(Optional<Path> propertiesFile) {
        return from(AppConfig.fromEnvironment(propertiesFile));
    }

    /** The connector with exactly this configuration, on its own database pool and the system clock. */
    public static AskelConfluence from(AppConfig config) {
        return new AskelConfluence(ConnectorComponent.create(config), config);
    }

    /** A workspace, to name its connections by: {@code askel.workspace(id).connection(connectionId)}. */
    public AskelWorkspace workspace(WorkspaceId id) {
        return new AskelWorkspace(id, listConnections());
    }

    /** The workspace of a single-tenant host (and of the CLI): {@link WorkspaceIds#DEFAULT}. */
    public AskelWorkspace defaultWorkspace() {
        return workspace(WorkspaceIds.DEFAULT);
    }

    public RegisterConnectionUseCase registerConnection() {
        return deadlines.wrap(RegisterConnectionUseCase.class, component.registerConnection());
    }

    public ListConnectionsUseCase listConnections() {
        return deadlines.wrap(ListConnectionsUseCase.class, component.listConnections());
    }

    public RemoveConnectionUseCase removeConnection() {
        return deadlines.wrap(RemoveConnectionUseCase.class, component.removeConnection());
    }

    public RotateCredentialsUseCase rotateCredentials() {
        return deadlines.wrap(RotateCredentialsUseCase.class, component.rotateCredentials());
    }

    public VerifyConnectionUseCase verifyConnection() {
        return deadlines.wrap(VerifyConnectionUseCase.class, component.verifyConnection());
    }

    public ListSpacesUseCase listSpaces() {
        return deadlines.wrap(ListSpacesUseCase.class, component.listSpaces());
    }

    public CreatePageUseCase createPage() {
        return deadlines.wrap(CreatePageUseCase.class, component.createPage());
    }

    public ReadPageUseCase readPage() {
        return deadlines.wrap(ReadPageUseCase.class, component.readPage());
    }

    public UpdatePageUseCase updatePage() {
        return deadlines.wrap(UpdatePageUseCase.class, component.updatePage());
    }

    public ListPageVersionsUseCase listPageVersions() {
        return deadlines.wrap(ListPageVersionsUseCase.class, component.listPageVersions());
    }

    public ListChildPagesUseCase listChildPages() {
        return deadlines.wrap(ListChildPagesUseCase.class, component.listChildPages());
    }

    public SearchPagesUseCase searchPages() {
        return deadlines.wrap(SearchPagesUseCase.class, component.searchPages());
    }

    public ManageLabelsUseCase manageLabels() {
        return deadlines.wrap(ManageLabelsUseCase.class, component.manageLabels());
    }

    public UploadAttachmentUseCase uploadAttachment() {
        return deadlines.open(UploadAttachmentUseCase.class, component.uploadAttachment());
    }

    public PublishRunbookUseCase publishRunbook() {
        return deadlines.wrap(PublishRunbookUseCase.class, component.publishRunbook());
    }

    public GetRunbookUseCase getRunbook() {
        return deadlines.wrap(GetRunbookUseCase.class, component.getRunbook());
    }

    public AttachToRunbookUseCase attachToRunbook() {
        return deadlines.open(AttachToRunbookUseCase.class, component.attachToRunbook());
    }

    public CheckDriftUseCase checkDrift() {
        return deadlines.open(CheckDriftUseCase.class, component.checkDrift());
    }

    /** Mutes a drift finding until what the scan sees changes. */
    public AcknowledgeDriftFindingUseCase acknowledgeDriftFinding() {
        return deadlines.open(AcknowledgeDriftFindingUseCase.class, component.acknowledgeDriftFinding());
    }

    /** Accepts a drifted page as it is now as the new baseline. */
    public AdoptDriftFindingUseCase adoptDriftFinding() {
        return deadlines.wrap(AdoptDriftFindingUseCase.class, component.adoptDriftFinding());
    }

    /** Puts back what the connector wrote where a drift finding says it changed. */
    public OverwriteDriftFindingUseCase overwriteDriftFinding() {
        return deadlines.wrap(OverwriteDriftFindingUseCase.class, component.overwriteDriftFinding());
    }

    public ListTemplatesUseCase listTemplates() {
        return deadlines.open(ListTemplatesUseCase.class, component.listTemplates());
    }

    /** Workspaces: create one per tenant of the host. */
    public ManageWorkspacesUseCase manageWorkspaces() {
        return deadlines.open(ManageWorkspacesUseCase.class, component.manageWorkspaces());
    }

    /** API keys of the HTTP API, per workspace and scope. */
    public ManageApiKeysUseCase manageApiKeys() {
        return deadlines.open(ManageApiKeysUseCase.class, component.manageApiKeys());
    }

    /** A workspace's audit log, a page at a time. */
    public ReadAuditLogUseCase readAuditLog() {
        return deadlines.open(ReadAuditLogUseCase.class, component.readAuditLog());
    }

    /** Re-encrypts every stored API token with a new master key. */
    public RotateMasterKeyUseCase rotateMasterKey() {
        return deadlines.open(RotateMasterKeyUseCase.class, component.rotateMasterKey());
    }

    /** Whether the connector can serve (its database answers). */
    public CheckReadinessUseCase checkReadiness() {
        return deadlines.open(CheckReadinessUseCase.class, component.checkReadiness());
    }

    /** The configuration this connector was built from (secrets stay redacted when printed). */
    public AppConfig config() {
        return component.config();
    }

    /** Reads the templates directory again; a broken declarative template keeps its previous version serving. */
    public ReloadTemplatesUseCase reloadTemplates() {
        return deadlines.open(ReloadTemplatesUseCase.class, component.reloadTemplates());
    }

    /** Submits a batch of runbook publishes as a job the cluster runs; answers its handle (the earlier job for a reused idempotency key). */
    public JobHandle submitRunbookBatch(SubmitRunbookBatchCommand command) {
        deadlines.requireOpen();
        Job job = component.submitRunbookBatch().submit(command);
        return job(command.ref().workspace(), job.id());
    }

    /** A handle on a job of the workspace (its existence is checked when it is asked something). */
    public JobHandle job(WorkspaceId workspace, JobId id) {
        return new JobHandle(workspace, id, deadlines.open(GetJobUseCase.class, component.getJob()),
                deadlines.open(CancelJobUseCase.class, component.cancelJob()));
    }

    public ListJobsUseCase listJobs() {
        return deadlines.open(ListJobsUseCase.class, component.listJobs());
    }

    /**
     * Makes this process one of the cluster's workers until {@link #close()}: it runs job items and, with
     * {@code recurring}, takes its turn at the periodic drift scan, the token-expiry check and the job
     * housekeeping (each occurrence runs on exactly one instance), and its per-connection drift scan gauges show the
     * last scan stored for every connection, whichever instance ran it (read again every 30 seconds).
     */
    public void startWorker(boolean recurring) {
        deadlines.requireOpen();
        component.clusterWorker().start(recurring);
    }

    /**
     * Stops this process's share of the cluster's work: no new items are taken, items in flight get
     * {@code ASKEL_JOB_SHUTDOWN_WAIT} to finish and the rest run again on another instance. {@link #close()} does it too.
     */
    public void stopWorker() {
        component.clusterWorker().stop();
    }

    /** The use cases as the HTTP server's wiring takes them ({@link AskelHttpApi}). */
    ConnectorUseCases useCases() {
        return component;
    }

    /** Stops the worker and closes the database pool; every use case then fails saying this is closed. Closing twice does nothing. */
    @Override
    public void close() {
        if (deadlines.close()) {
            stopWorker();
            component.persistence().close();
        }
    }

    /**
     * Settings for an embedded connector; anything not set comes from the environment's defaults. What it collects, and how
     * that becomes a connector, is {@link ConnectorAssembly}'s.
     */
    public static final class Builder {
        private final ConnectorAssembly assembly = new ConnectorAssembly();

        private Builder() {
        }

        /** Where the embedded H2 database and the key file live. */
        public Builder dataDirectory(Path directory) {
            assembly.set(Setting.DATA_DIR, directory.toString());
            return this;
        }

        /** A shared PostgreSQL database instead of the embedded one, on a pool the connector opens and closes. */
        public Builder database(String jdbcUrl, String user, String password) {
            assembly.set(Setting.DATABASE_URL, jdbcUrl);
            assembly.set(Setting.DATABASE_USER, user);
            assembly.set(Setting.DATABASE_PASSWORD, password);
            return this;
        }

        /**
         * The host's own database (its pool): the connector's tables are created there, beside the host's, and the
         * connector never closes it. The master key still comes from {@link #masterKeyBase64} or the data directory.
         */
        public Builder dataSource(DataSource hostDataSource) {
            Objects.requireNonNull(hostDataSource, "hostDataSource");
            assembly.database(d -> d.withDataSource(hostDataSource));
            return this;
        }

        /** The table of the connector's Flyway history (default {@value HostDatabaseSettings#DEFAULT_HISTORY_TABLE}). */
        public Builder schemaHistoryTable(String table) {
            assembly.database(d -> d.withHistoryTable(table));
            return this;
        }

        /**
         * The host applies the connector's migrations ({@code ai/askel/confluence/db/migration/V*.sql} in the adapter-persistence jar)
         * with its own tooling; the connector then never changes the schema.
         */
        public Builder leaveMigrationsToHost() {
            assembly.database(d -> d.withMigrate(false));
            return this;
        }

        /**
         * The executor of the connector's background work, the database health probes (each with a 2-second deadline),
         * instead of a small daemon pool of its own. The host owns it: closing the connector does not shut it down.
         * ({@link #build()} still loads the templates beside the database on one short-lived thread of its own.)
         */
        public Builder executor(Executor hostExecutor) {
            Objects.requireNonNull(hostExecutor, "hostExecutor");
            assembly.database(d -> d.withExecutor(hostExecutor));
            return this;
        }

        /**
         * The host's Micrometer registry: every meter of the connector (Confluence latency histograms per connection,
         * calls, retries, HTTP requests) is recorded there as well as in the registry the connector's own
         * {@code /metrics} serves.
         */
        public Builder meterRegistry(MeterRegistry hostRegistry) {
            assembly.meterRegistry(hostRegistry);
            return this;
        }

        /** The clock of audit events, key creation and expiry checks (default: the system's, in UTC). */
        public Builder clock(Clock hostClock) {
            assembly.clock(hostClock);
            return this;
        }

        /**
         * Base64 of the 32-byte key that encrypts API tokens at rest.
         *
         * @throws ConnectorException ({@link ErrorCode#SECRET_KEY_MISMATCH}) when it is not base64 of 32 bytes
         */
        public Builder masterKeyBase64(String key) {
            assembly.masterKeyBase64(key);
            return this;
        }

        /** Allows a site origin besides {@code https://<name>.atlassian.net} (a sandbox, a test server). */
        public Builder allowSiteOrigin(String origin) {
            assembly.allowSiteOrigin(origin);
            return this;
        }

        public Builder pluginsDirectory(Path directory) {
            assembly.set(Setting.PLUGINS_DIR, directory.toString());
            return this;
        }

        public Builder maxAttachmentBytes(long bytes) {
            assembly.set(Setting.MAX_ATTACHMENT_BYTES, Long.toString(bytes));
            return this;
        }

        /** Any other setting, by its name in {@code docs/configuration.md}. */
        public Builder set(Setting setting, String value) {
            assembly.set(setting, value);
            return this;
        }

        /** Start from the process's ASKEL_* environment variables instead of the defaults. */
        public Builder readEnvironment() {
            assembly.readEnvironment();
            return this;
        }

        public AskelConfluence build() {
            AppConfig config = assembly.config();
            return new AskelConfluence(assembly.component(config), config);
        }
    }
}
