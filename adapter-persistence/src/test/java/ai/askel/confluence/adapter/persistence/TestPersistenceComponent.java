package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.ApiKeyRepositoryPort;
import ai.askel.confluence.ports.out.AuditLogPort;
import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import ai.askel.confluence.ports.out.ConnectionRepositoryPort;
import ai.askel.confluence.ports.out.DriftFindingRepositoryPort;
import ai.askel.confluence.ports.out.DriftScanStatusPort;
import ai.askel.confluence.ports.out.HealthCheckPort;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import ai.askel.confluence.ports.out.ManagedPageRepositoryPort;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import ai.askel.confluence.ports.out.SecretCipherPort;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The adapter wired exactly as the app wires it: only {@link PersistenceAdapterModule} and the settings. */
@Singleton
@Component(modules = PersistenceAdapterModule.class)
interface TestPersistenceComponent {
    PersistenceLifecycle lifecycle();

    ConnectionRepositoryPort connections();

    ApiKeyRepositoryPort apiKeys();

    ai.askel.confluence.ports.out.WorkspaceRepositoryPort workspaces();

    RunbookRepositoryPort runbooks();

    ManagedPageRepositoryPort managedPages();

    IdempotencyRepositoryPort idempotency();

    AuditLogPort auditLog();

    ConnectionPreferencesPort connectionPreferences();

    DriftFindingRepositoryPort driftFindings();

    DriftScanStatusPort driftScanStatus();

    SecretCipherPort cipher();

    MasterKeyRotationPort rotation();

    HealthCheckPort health();

    DataSource dataSource();

    JobRepositoryPort jobs();

    ClusterSchedulerPort clusterScheduler();

    @Component.Factory
    interface Factory {
        TestPersistenceComponent create(@BindsInstance PersistenceSettings settings, @BindsInstance HostDatabaseSettings host,
                                        @BindsInstance SchedulerSettings scheduler);
    }
}
