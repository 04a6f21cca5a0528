package ai.askel.confluence.app;

import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.app.wiring.ConnectorComponent;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchCommand;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connector embedded in a JVM service: every use case, wired to Confluence Cloud and the
 * configured database. Build one per process and close it on shutdown.
 *
 * <pre>{@code
 * try (AskelConfluence askel = AskelConfluence.builder().dataDirectory(Path.of("/var/lib/askel")).build()) {
 *     Connection c = askel.registerConnection().register(new RegisterConnectionCommand(WorkspaceIds.DEFAULT,
 *             "acme", "https://acme.atlassian.net", "admin@acme.example", Secret.of(token, "apiToken"),
 *             Optional.empty(), Optional.empty()));
 *     Page page = askel.readPage().read(askel.ref(c.id()), PageId.of("123"));
 * }
 * }</pre>
 */
public final class AskelConfluence implements AutoCloseable {
    private final ConnectorComponent component;

    private AskelConfluence(ConnectorComponent component) {
        this.component = component;
        component.persistence(); // migrate and check the master key now, not at the first call
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The connector configured from environment variables and an optional properties file. */
    public static AskelConfluence fromEnvironment(Optional<Path> propertiesFile) {
        return new AskelConfluence(ConnectorComponent.create(AppConfig.fromEnvironment(propertiesFile)));
    }

    /** The connector with exactly this configuration. */
    public static AskelConfluence from(AppConfig config) {
        return new AskelConfluence(ConnectorComponent.create(config));
    }

    /** A connection of the default workspace (embedded use has one tenant). */
    public ConnectionRef ref(ConnectionId connection) {
        return new ConnectionRef(WorkspaceIds.DEFAULT, connection);
    }

    public RegisterConnectionUseCase registerConnection() {
        return component.registerConnection();
    }

    public ListConnectionsUseCase listConnections() {
        return component.listConnections();
    }

    public RemoveConnectionUseCase removeConnection() {
        return component.removeConnection();
    }

    public RotateCredentialsUseCase rotateCredentials() {
        return component.rotateCredentials();
    }

    public VerifyConnectionUseCase verifyConnection() {
        return component.verifyConnection();
    }

    public ListSpacesUseCase listSpaces() {
        return component.listSpaces();
    }

    public CreatePageUseCase createPage() {
        return component.createPage();
    }

    public ReadPageUseCase readPage() {
        return component.readPage();
    }

    public UpdatePageUseCase updatePage() {
        return component.updatePage();
    }

    public ListPageVersionsUseCase listPageVersions() {
        return component.listPageVersions();
    }

    public ListChildPagesUseCase listChildPages() {
        return component.listChildPages();
    }

    public SearchPagesUseCase searchPages() {
        return component.searchPages();
    }

    public ManageLabelsUseCase manageLabels() {
        return component.manageLabels();
    }

    public UploadAttachmentUseCase uploadAttachment() {
        return component.uploadAttachment();
    }

    public PublishRunbookUseCase publishRunbook() {
        return component.publishRunbook();
    }

    public GetRunbookUseCase getRunbook() {
        return component.getRunbook();
    }

    public AttachToRunbookUseCase attachToRunbook() {
        return component.attachToRunbook();
    }

    public CheckDriftUseCase checkDrift() {
        return component.checkDrift();
    }

    public ListTemplatesUseCase listTemplates() {
        return component.listTemplates();
    }

    /** Submits a batch of runbook publishes as a job the cluster runs; answers its handle (the earlier job for a reused idempotency key). */
    public JobHandle submitRunbookBatch(SubmitRunbookBatchCommand command) {
        Job job = component.submitRunbookBatch().submit(command);
        return job(command.ref().workspace(), job.id());
    }

    /** A handle on a job of the workspace (its existence is checked when it is asked something). */
    public JobHandle job(WorkspaceId workspace, JobId id) {
        return new JobHandle(workspace, id, component.getJob(), component.cancelJob());
    }

    public ListJobsUseCase listJobs() {
        return component.listJobs();
    }

    /**
     * Makes this process one of the cluster's workers until {@link #close()}: it runs job items and, with
     * {@code recurring}, takes its turn at the periodic drift scan, the token-expiry check and the job
     * housekeeping (each occurrence runs on exactly one instance).
     */
    public void startWorker(boolean recurring) {
        component.runWorker().start(recurring);
    }

    /** The whole wiring, for hosts that need more than the use cases above (the CLI, the server). */
    public ConnectorComponent component() {
        return component;
    }

    @Override
    public void close() {
        component.runWorker().stop();
        component.persistence().close();
    }

    /** Settings for an embedded connector; anything not set comes from the environment's defaults. */
    public static final class Builder {
        private final Map<Setting, String> values = new EnumMap<>(Setting.class);
        private final List<String> origins = new ArrayList<>();
        private boolean readEnvironment;

        private Builder() {
        }

        /** Where the embedded H2 database and the key file live. */
        public Builder dataDirectory(Path directory) {
            values.put(Setting.DATA_DIR, directory.toString());
            return this;
        }

        /** A shared PostgreSQL database instead of the embedded one. */
        public Builder database(String jdbcUrl, String user, String password) {
            values.put(Setting.DATABASE_URL, jdbcUrl);
            values.put(Setting.DATABASE_USER, user);
            values.put(Setting.DATABASE_PASSWORD, password);
            return this;
        }

        /** Base64 of the 32-byte key that encrypts API tokens at rest. */
        public Builder masterKeyBase64(String key) {
            values.put(Setting.MASTER_KEY, key);
            return this;
        }

        /** Allows a site origin besides {@code https://<name>.atlassian.net} (a sandbox, a test server). */
        public Builder allowSiteOrigin(String origin) {
            origins.add(origin);
            return this;
        }

        public Builder pluginsDirectory(Path directory) {
            values.put(Setting.PLUGINS_DIR, directory.toString());
            return this;
        }

        public Builder maxAttachmentBytes(long bytes) {
            values.put(Setting.MAX_ATTACHMENT_BYTES, Long.toString(bytes));
            return this;
        }

        /** Any other setting, by its name in {@code docs/configuration.md}. */
        public Builder set(Setting setting, String value) {
            values.put(setting, value);
            return this;
        }

        /** Start from the process's ASKEL_* environment variables instead of the defaults. */
        public Builder readEnvironment() {
            this.readEnvironment = true;
            return this;
        }

        public AskelConfluence build() {
            Map<Setting, String> overrides = new EnumMap<>(values);
            if (!origins.isEmpty()) {
                overrides.put(Setting.ALLOWED_SITE_ORIGINS, String.join(",", origins));
            }
            AppConfig config = AppConfig.load(readEnvironment ? System.getenv() : Map.of(), Optional.empty(), overrides);
            return from(config);
        }
    }
}
