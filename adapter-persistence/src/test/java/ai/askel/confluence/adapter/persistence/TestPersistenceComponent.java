package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.ports.out.ConnectionPreferencesPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import ai.askel.confluence.ports.out.HealthCheckPort;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import ai.askel.confluence.ports.out.SecretCipherPort;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The adapter wired exactly as the app wires it (only {@link PersistenceAdapterModule} and the settings): a contract store. */
@Singleton
@Component(modules = PersistenceAdapterModule.class)
interface TestPersistenceComponent extends RepositoryPorts {
    PersistenceLifecycle lifecycle();

    ConnectionPreferencesPort connectionPreferences();

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
