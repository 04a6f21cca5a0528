package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.RunWorkerUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
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
import ai.askel.confluence.ports.out.HealthCheckPort;
import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/**
 * Binds each inbound use case to the service that implements it. The module sits beside the services so that they
 * stay package-private: the rest of the application (and an embedding host) sees only the use-case interfaces.
 */
@Module
public interface UseCaseModule {
    @Binds
    RegisterConnectionUseCase registerConnection(RegisterConnectionService service);

    @Binds
    ListConnectionsUseCase listConnections(ListConnectionsService service);

    @Binds
    RemoveConnectionUseCase removeConnection(RemoveConnectionService service);

    @Binds
    RotateCredentialsUseCase rotateCredentials(RotateCredentialsService service);

    @Binds
    VerifyConnectionUseCase verifyConnection(VerifyConnectionService service);

    @Binds
    ListSpacesUseCase listSpaces(ListSpacesService service);

    @Binds
    CreatePageUseCase createPage(CreatePageService service);

    @Binds
    ReadPageUseCase readPage(ReadPageService service);

    @Binds
    ListPageVersionsUseCase listPageVersions(ListPageVersionsService service);

    @Binds
    ListChildPagesUseCase listChildPages(ListChildPagesService service);

    @Binds
    UpdatePageUseCase updatePage(UpdatePageService service);

    @Binds
    SearchPagesUseCase searchPages(SearchPagesService service);

    @Binds
    ManageLabelsUseCase manageLabels(ManageLabelsService service);

    @Binds
    UploadAttachmentUseCase uploadAttachment(UploadAttachmentService service);

    @Binds
    PublishRunbookUseCase publishRunbook(PublishRunbookService service);

    @Binds
    GetRunbookUseCase getRunbook(GetRunbookService service);

    @Binds
    ListRunbooksUseCase listRunbooks(ListRunbooksService service);

    @Binds
    ChooseDefaultSpaceUseCase chooseDefaultSpace(ChooseDefaultSpaceService service);

    @Binds
    AttachToRunbookUseCase attachToRunbook(AttachToRunbookService service);

    @Binds
    CheckDriftUseCase checkDrift(CheckDriftService service);

    @Binds
    AcknowledgeDriftFindingUseCase acknowledgeDriftFinding(AcknowledgeDriftFindingService service);

    @Binds
    AdoptDriftFindingUseCase adoptDriftFinding(AdoptDriftFindingService service);

    @Binds
    OverwriteDriftFindingUseCase overwriteDriftFinding(OverwriteDriftFindingService service);

    @Binds
    ListTemplatesUseCase listTemplates(ListTemplatesService service);

    @Binds
    ReloadTemplatesUseCase reloadTemplates(ReloadTemplatesService service);

    @Binds
    ManageApiKeysUseCase manageApiKeys(ManageApiKeysService service);

    @Binds
    AuthenticateApiKeyUseCase authenticateApiKey(AuthenticateApiKeyService service);

    @Binds
    ManageWorkspacesUseCase manageWorkspaces(ManageWorkspacesService service);

    @Binds
    ReadAuditLogUseCase readAuditLog(ReadAuditLogService service);

    @Binds
    RotateMasterKeyUseCase rotateMasterKey(RotateMasterKeyService service);

    @Binds
    IdempotencyUseCase idempotency(IdempotencyService service);

    @Binds
    CheckReadinessUseCase checkReadiness(CheckReadinessService service);

    @Binds
    SubmitRunbookBatchUseCase submitRunbookBatch(SubmitRunbookBatchService service);

    @Binds
    GetJobUseCase getJob(JobQueryService service);

    @Binds
    ListJobsUseCase listJobs(JobQueryService service);

    @Binds
    CancelJobUseCase cancelJob(CancelJobService service);

    @Binds
    RunWorkerUseCase runWorker(ClusterWorkerService service);

    /** Readiness checks every health check in the set; the database's is the only one so far. */
    @Binds
    @IntoSet
    HealthCheckPort databaseHealth(HealthCheckPort database);
}
