package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluencePermissionsPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import ai.askel.confluence.ports.out.ConfluenceUsersPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.HealthCheckPort;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.TemplateCatalogPort;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.Multibinds;
import jakarta.inject.Singleton;

import java.util.Set;

/** Proves that Dagger builds every service from the outbound ports alone (the real component lives in app.wiring). */
@Singleton
@Component(modules = UseCaseTestComponent.HealthChecks.class)
interface UseCaseTestComponent {
    RegisterConnectionService registerConnection();

    ListConnectionsService listConnections();

    RemoveConnectionService removeConnection();

    RotateCredentialsService rotateCredentials();

    VerifyConnectionService verifyConnection();

    ListSpacesService listSpaces();

    CreatePageService createPage();

    ReadPageService readPage();

    ListPageVersionsService listPageVersions();

    ListChildPagesService listChildPages();

    UpdatePageService updatePage();

    SearchPagesService searchPages();

    ManageLabelsService manageLabels();

    UploadAttachmentService uploadAttachment();

    PublishRunbookService publishRunbook();

    GetRunbookService getRunbook();

    AttachToRunbookService attachToRunbook();

    CheckDriftService checkDrift();

    ListTemplatesService listTemplates();

    ManageApiKeysService manageApiKeys();

    AuthenticateApiKeyService authenticateApiKey();

    RotateMasterKeyService rotateMasterKey();

    CheckReadinessService checkReadiness();

    IdempotencyService idempotency();

    @Module
    interface HealthChecks {
        @Multibinds
        Set<HealthCheckPort> healthChecks();

        @dagger.Provides
        static ai.askel.confluence.ports.out.MarkdownPort markdown() {
            return ai.askel.confluence.plugins.declarative.MarkdownToStorage::convert;
        }

        /** The wiring test needs a binding; the services' own tests observe scans through their fixture. */
        @dagger.Provides
        static ai.askel.confluence.ports.out.DriftScanObserver noDriftScanObserver() {
            return status -> { };
        }
    }

    @Component.Factory
    interface Factory {
        UseCaseTestComponent create(@BindsInstance UseCaseSettings settings, @BindsInstance ClockPort clock,
                                    @BindsInstance ConnectionRepositoryPort connections, @BindsInstance ConfluenceUsersPort users,
                                    @BindsInstance ConfluenceSpacesPort spaces, @BindsInstance ConfluencePagesPort pages,
                                    @BindsInstance ConfluenceLabelsPort labels, @BindsInstance ConfluenceAttachmentsPort attachments,
                                    @BindsInstance ConfluenceSearchPort search, @BindsInstance ConfluencePermissionsPort permissions,
                                    @BindsInstance RunbookRepositoryPort runbooks,
                                    @BindsInstance ManagedPageRepositoryPort managedPages,
                                    @BindsInstance DriftFindingRepositoryPort findings,
                                    @BindsInstance ai.askel.confluence.ports.out.DriftScanStatusPort driftScans,
                                    @BindsInstance ApiKeyRepositoryPort apiKeys,
                                    @BindsInstance IdempotencyRepositoryPort idempotency, @BindsInstance AuditLogPort auditLog,
                                    @BindsInstance TemplateCatalogPort templates, @BindsInstance MasterKeyRotationPort masterKeys);
    }
}
