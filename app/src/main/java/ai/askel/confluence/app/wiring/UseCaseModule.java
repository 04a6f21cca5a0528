package ai.askel.confluence.app.wiring;

import ai.askel.confluence.app.usecase.AttachToRunbookService;
import ai.askel.confluence.app.usecase.AuthenticateApiKeyService;
import ai.askel.confluence.app.usecase.CancelJobService;
import ai.askel.confluence.app.usecase.CheckDriftService;
import ai.askel.confluence.app.usecase.ClusterWorkerService;
import ai.askel.confluence.app.usecase.JobQueryService;
import ai.askel.confluence.app.usecase.SubmitRunbookBatchService;
import ai.askel.confluence.app.usecase.CheckReadinessService;
import ai.askel.confluence.app.usecase.ConnectorMetricsService;
import ai.askel.confluence.app.usecase.CreatePageService;
import ai.askel.confluence.app.usecase.GetRunbookService;
import ai.askel.confluence.app.usecase.IdempotencyService;
import ai.askel.confluence.app.usecase.ListChildPagesService;
import ai.askel.confluence.app.usecase.ListConnectionsService;
import ai.askel.confluence.app.usecase.ListPageVersionsService;
import ai.askel.confluence.app.usecase.ListSpacesService;
import ai.askel.confluence.app.usecase.ListTemplatesService;
import ai.askel.confluence.app.usecase.ManageApiKeysService;
import ai.askel.confluence.app.usecase.ManageLabelsService;
import ai.askel.confluence.app.usecase.PublishRunbookService;
import ai.askel.confluence.app.usecase.ReadPageService;
import ai.askel.confluence.app.usecase.RegisterConnectionService;
import ai.askel.confluence.app.usecase.RemoveConnectionService;
import ai.askel.confluence.app.usecase.RotateCredentialsService;
import ai.askel.confluence.app.usecase.RotateMasterKeyService;
import ai.askel.confluence.app.usecase.SearchPagesService;
import ai.askel.confluence.app.usecase.UpdatePageService;
import ai.askel.confluence.app.usecase.UploadAttachmentService;
import ai.askel.confluence.app.usecase.VerifyConnectionService;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.CancelJobUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.GetJobUseCase;
import ai.askel.confluence.ports.in.ListJobsUseCase;
import ai.askel.confluence.ports.in.RunWorkerUseCase;
import ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
import ai.askel.confluence.ports.in.ListChildPagesUseCase;
import ai.askel.confluence.ports.in.ListConnectionsUseCase;
import ai.askel.confluence.ports.in.ListPageVersionsUseCase;
import ai.askel.confluence.ports.in.ListSpacesUseCase;
import ai.askel.confluence.ports.in.ListTemplatesUseCase;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.in.ReadMetricsUseCase;
import ai.askel.confluence.ports.in.ReadPageUseCase;
import ai.askel.confluence.ports.in.RegisterConnectionUseCase;
import ai.askel.confluence.ports.in.RemoveConnectionUseCase;
import ai.askel.confluence.ports.in.RotateCredentialsUseCase;
import ai.askel.confluence.ports.in.RotateMasterKeyUseCase;
import ai.askel.confluence.ports.in.SearchPagesUseCase;
import ai.askel.confluence.ports.in.UpdatePageUseCase;
import ai.askel.confluence.ports.in.UploadAttachmentUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import ai.askel.confluence.ports.out.HealthCheckPort;
import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoSet;

/** Binds each inbound use case to the service that implements it. */
@Module
interface UseCaseModule {
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
    AttachToRunbookUseCase attachToRunbook(AttachToRunbookService service);

    @Binds
    CheckDriftUseCase checkDrift(CheckDriftService service);

    @Binds
    ListTemplatesUseCase listTemplates(ListTemplatesService service);

    @Binds
    ManageApiKeysUseCase manageApiKeys(ManageApiKeysService service);

    @Binds
    AuthenticateApiKeyUseCase authenticateApiKey(AuthenticateApiKeyService service);

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

    @Binds
    ReadMetricsUseCase readMetrics(ConnectorMetricsService service);

    @Binds
    ConfluenceCallObserver confluenceCallObserver(ConnectorMetricsService service);

    /** Readiness checks every health check in the set; the database's is the only one so far. */
    @Binds
    @IntoSet
    HealthCheckPort databaseHealth(HealthCheckPort database);
}
