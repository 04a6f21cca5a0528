package ai.askel.archfixtures.adapter.confluence;

import ai.askel.archfixtures.adapter.persistence.PersistenceSettings;
import ai.askel.archfixtures.app.Wiring;
import ai.askel.archfixtures.ports.out.GoodPort;
import ai.askel.archfixtures.sandbox.SandboxMain;

/** Legitimate: a public Dagger module binding a package-private adapter. */
@dagger.Module
public abstract class ConfluenceModule {
    @dagger.Binds
    abstract GoodPort bind(GoodPortAdapter adapter);
}

class GoodPortAdapter implements GoodPort {
    feign.Feign.Builder feign;
    com.fasterxml.jackson.databind.ObjectMapper mapper;
}

class AdapterUsesOtherAdapter {
    PersistenceSettings settings;
}

class AdapterUsesApp {
    Wiring wiring;
}

class AdapterUsesSandbox {
    SandboxMain sandbox;
}

class AdapterUsesJdbi {
    org.jdbi.v3.core.Jdbi jdbi;
}

class AdapterUsesDbScheduler {
    com.github.kagkarlsson.scheduler.SchedulerClient scheduler;
}

class AdapterUsesJavalin {
    io.javalin.Javalin javalin;
}

class AdapterUsesDagger {
    dagger.Lazy<String> lazy;
}

class JdbiRunbooks implements GoodPort {
}
