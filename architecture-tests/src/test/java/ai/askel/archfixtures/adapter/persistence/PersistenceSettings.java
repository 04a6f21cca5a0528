package ai.askel.archfixtures.adapter.persistence;

/** Legitimate: a public settings record. */
public record PersistenceSettings(String url) {
}

class PersistenceAdapterUsesFlyway {
    org.flywaydb.core.Flyway flyway;
    org.jdbi.v3.core.Jdbi jdbi;
}

class PersistenceAdapterUsesDbScheduler {
    com.github.kagkarlsson.scheduler.Scheduler scheduler;
}
