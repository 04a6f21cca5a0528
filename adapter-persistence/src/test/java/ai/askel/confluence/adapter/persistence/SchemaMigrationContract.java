package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one set of migrations takes an empty database to the latest schema, which then validates. */
abstract class SchemaMigrationContract {
    private PersistenceFixture fixture;

    abstract TestDatabase database();

    @BeforeEach
    void emptyDatabase() {
        fixture = PersistenceFixture.create(database());
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    @Test
    void migrations_take_an_empty_database_to_the_latest_schema_once() {
        try (HikariDataSource dataSource = PersistenceAdapterModule.pool(fixture.settings())) {
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
            assertThat(flyway.info().applied()).isEmpty();

            int executed = flyway.migrate().migrationsExecuted;

            assertThat(executed).isEqualTo(flyway.info().all().length).isPositive();
            assertThat(flyway.info().all()).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            Set<String> tables = fixture.raw().withHandle(h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                    .mapTo(String.class).stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            assertThat(tables).contains("workspace", "api_key", "connection", "runbook", "managed_page", "idempotency_record",
                    "audit_event", "drift_finding", "connection_default_space");
        }
    }

    @Test
    void the_adapter_starts_on_an_already_migrated_database_without_migrating_again() {
        fixture.start();
        fixture.stopAll();

        TestPersistenceComponent again = fixture.start();

        assertThat(again.health().isHealthy()).isTrue();
        Flyway flyway = Flyway.configure().dataSource(again.dataSource()).locations("classpath:db/migration").load();
        assertThat(flyway.info().applied()).hasSameSizeAs(flyway.info().all());
        assertThat(flyway.info().pending()).isEmpty();
    }
}
