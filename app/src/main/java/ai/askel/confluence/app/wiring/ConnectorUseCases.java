package ai.askel.confluence.app.wiring;

import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.ReloadTemplatesUseCase;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.ManageWorkspacesUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.RotateMasterKeyUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import ai.askel.confluence.ports.out.AuditLogPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Every inbound use case of one connector (and its audit log). {@link ConnectorComponent} provides them; the HTTP
 * server's component depends on this interface rather than on the whole connector graph.
 */
public interface ConnectorUseCases {
    RegisterConnectionUseCase registerConnection();

    ListConnectionsUseCase listConnections();

    RemoveConnectionUseCase removeConnection();

    RotateCredentialsUseCase rotateCredentials();

    VerifyConnectionUseCase verifyConnection();

    ListSpacesUseCase listSpaces();

    CreatePageUseCase createPage();

    ReadPageUseCase readPage();

    ListPageVersionsUseCase listPageVersions();

    ListChildPagesUseCase listChildPages();

    UpdatePageUseCase updatePage();

    SearchPagesUseCase searchPages();

    ManageLabelsUseCase manageLabels();

    UploadAttachmentUseCase uploadAttachment();

    PublishRunbookUseCase publishRunbook();

    GetRunbookUseCase getRunbook();

    ListRunbooksUseCase listRunbooks();

    ChooseDefaultSpaceUseCase chooseDefaultSpace();

    ReadAuditLogUseCase readAuditLog();

    AttachToRunbookUseCase attachToRunbook();

    CheckDriftUseCase checkDrift();

    AcknowledgeDriftFindingUseCase acknowledgeDriftFinding();

    AdoptDriftFindingUseCase adoptDriftFinding();

    OverwriteDriftFindingUseCase overwriteDriftFinding();

    ListTemplatesUseCase listTemplates();

    ReloadTemplatesUseCase reloadTemplates();

    ManageApiKeysUseCase manageApiKeys();

    ManageWorkspacesUseCase manageWorkspaces();

    AuthenticateApiKeyUseCase authenticateApiKey();

    RotateMasterKeyUseCase rotateMasterKey();

    CheckReadinessUseCase checkReadiness();

    /** Where the connector's meters are recorded (the host's registry too, when one was given). */
    MeterRegistry meterRegistry();

    /** The registry {@code /metrics} serves: every meter of the connector, in the Prometheus text format. */
    PrometheusMeterRegistry prometheusRegistry();

    SubmitRunbookBatchUseCase submitRunbookBatch();

    GetJobUseCase getJob();

    ListJobsUseCase listJobs();

    CancelJobUseCase cancelJob();

    /** Idempotency keys of HTTP requests: a replayed request gets the stored answer. */
    IdempotencyUseCase idempotency();

    /** The audit log: who did what, to which page, with what outcome (never secrets or bodies). */
    AuditLogPort auditLog();
}
