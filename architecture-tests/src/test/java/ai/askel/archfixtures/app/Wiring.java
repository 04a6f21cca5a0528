package ai.askel.archfixtures.app;

import ai.askel.archfixtures.adapter.confluence.ConfluenceModule;
import ai.askel.archfixtures.app.usecase.GoodService;
import ai.askel.archfixtures.domain.Model;
import ai.askel.archfixtures.ports.out.GoodPort;

/** The app's wiring may see every layer and use Dagger. */
public class Wiring {
    ConfluenceModule adapterModule;
    GoodService service;
    GoodPort port;
    Model model;
    dagger.Lazy<String> lazy;
}

/** The embeddable app must not choose the host's logging backend. */
class AppUsesLogback {
    ch.qos.logback.classic.LoggerContext logging;
}
