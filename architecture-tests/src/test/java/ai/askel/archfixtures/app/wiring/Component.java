package ai.askel.archfixtures.app.wiring;

import ai.askel.archfixtures.adapter.confluence.ConfluenceModule;
import ai.askel.archfixtures.app.config.Config;

/** The Dagger wiring sees adapters and the configuration. */
public class Component {
    ConfluenceModule module;
    Config config;
    dagger.Lazy<String> lazy;
}
