package ai.askel.confluence.adapter.http.wiring;

import ai.askel.confluence.adapter.http.console.ConsoleSettings;
import ai.askel.confluence.ports.in.ChooseDefaultSpaceUseCase;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;
import ai.askel.confluence.ports.in.VerifyConnectionUseCase;
import dagger.Provides;
import ai.askel.confluence.ports.in.AttachToRunbookUseCase;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AcknowledgeDriftFindingUseCase;
import ai.askel.confluence.ports.in.AdoptDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.OverwriteDriftFindingUseCase;
import ai.askel.confluence.ports.in.CheckReadinessUseCase;
import ai.askel.confluence.ports.in.CreatePageUseCase;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.in.IdempotencyUseCase;
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
import dagger.Binds;
import dagger.Module;

/** Binds each use case to the one test double, as the app binds each to its service. */
@Module
interface UseCasesModule {
    @dagger.Provides
    static ai.askel.confluence.ports.in.SubmitRunbookBatchUseCase submitRunbookBatch(UseCases useCases) {
        return useCases.jobs();
    }

    @dagger.Provides
    static ai.askel.confluence.ports.in.GetJobUseCase getJob(UseCases useCases) {
        return useCases.jobs();
    }

    @dagger.Provides
    static ai.askel.confluence.ports.in.ListJobsUseCase listJobs(UseCases useCases) {
        return useCases.jobs();
    }

    @dagger.Provides
    static ai.askel.confluence.ports.in.CancelJobUseCase cancelJob(UseCases useCases) {
        return useCases.jobs();
    }

    @Binds
    RegisterConnectionUseCase registerConnection(UseCases useCases);

    @Binds
    ListConnectionsUseCase listConnections(UseCases useCases);

    @Binds
    RemoveConnectionUseCase removeConnection(UseCases useCases);

    @Binds
    RotateCredentialsUseCase rotateCredentials(UseCases useCases);

    @Binds
    ListSpacesUseCase listSpaces(UseCases useCases);

    @Binds
    CreatePageUseCase createPage(UseCases useCases);

    @Binds
    ReadPageUseCase readPage(UseCases useCases);

    @Binds
    UpdatePageUseCase updatePage(UseCases useCases);

    @Binds
    ListPageVersionsUseCase listPageVersions(UseCases useCases);

    @Binds
    ListChildPagesUseCase listChildPages(UseCases useCases);

    @Binds
    SearchPagesUseCase searchPages(UseCases useCases);

    @Binds
    ManageLabelsUseCase manageLabels(UseCases useCases);

    @Binds
    UploadAttachmentUseCase uploadAttachment(UseCases useCases);

    @Binds
    PublishRunbookUseCase publishRunbook(UseCases useCases);

    @Binds
    GetRunbookUseCase getRunbook(UseCases useCases);

    @Binds
    AttachToRunbookUseCase attachToRunbook(UseCases useCases);

    @Binds
    CheckDriftUseCase checkDrift(UseCases useCases);

    @Binds
    OverwriteDriftFindingUseCase overwriteDriftFinding(UseCases useCases);

    @Binds
    AdoptDriftFindingUseCase adoptDriftFinding(UseCases useCases);

    @Binds
    AcknowledgeDriftFindingUseCase acknowledgeDriftFinding(UseCases useCases);

    @Binds
    ListTemplatesUseCase listTemplates(UseCases useCases);

    @Binds
    AuthenticateApiKeyUseCase authenticateApiKey(UseCases useCases);

    @Binds
    IdempotencyUseCase idempotency(UseCases useCases);


    @Binds
    CheckReadinessUseCase checkReadiness(UseCases useCases);

    @Binds
    ai.askel.confluence.ports.in.ManageWorkspacesUseCase manageWorkspaces(AdminUseCases admin);

    @Binds
    ai.askel.confluence.ports.in.ManageApiKeysUseCase manageApiKeys(AdminUseCases admin);

    @Binds
    ai.askel.confluence.ports.in.ReadAuditLogUseCase readAuditLog(AdminUseCases admin);

    @Binds
    VerifyConnectionUseCase verifyConnection(UseCases useCases);

    @Binds
    ListRunbooksUseCase listRunbooks(UseCases useCases);

    @Binds
    ChooseDefaultSpaceUseCase chooseDefaultSpace(UseCases useCases);

    /** The console with its default settings. */
    @Provides
    static ConsoleSettings consoleSettings() {
        return ConsoleSettings.defaults();
    }
}
