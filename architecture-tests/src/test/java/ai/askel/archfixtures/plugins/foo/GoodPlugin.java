package ai.askel.archfixtures.plugins.foo;

import ai.askel.archfixtures.domain.Model;
import ai.askel.archfixtures.ports.out.GoodPort;
import ai.askel.archfixtures.ports.spi.GoodProvider;

/** Legitimate: a plugin implements the SPI and uses domain types. */
public class GoodPlugin implements GoodProvider {
    Model model;
}

class PluginUsesPort {
    GoodPort port;
}
