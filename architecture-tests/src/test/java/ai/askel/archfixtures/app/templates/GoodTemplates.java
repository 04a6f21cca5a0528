package ai.askel.archfixtures.app.templates;

import ai.askel.archfixtures.adapter.confluence.ConfluenceModule;
import ai.askel.archfixtures.domain.Model;
import ai.askel.archfixtures.ports.out.GoodPort;

/** The app's template registry implements a port: an adapter of the onion. */
public class GoodTemplates implements GoodPort {
    Model model;
}

/** As an adapter, it must not reach into another adapter. */
class TemplatesUseAdapter {
    ConfluenceModule module;
}
