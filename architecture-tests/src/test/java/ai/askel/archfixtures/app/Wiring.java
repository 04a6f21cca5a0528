package ai.askel.archfixtures.app;

import ai.askel.archfixtures.adapter.confluence.ConfluenceModule;
import ai.askel.archfixtures.app.usecase.GoodService;
import ai.askel.archfixtures.domain.Model;
import ai.askel.archfixtures.ports.out.GoodPort;
import ai.askel.archfixtures.sandbox.SandboxMain;

/** The app's wiring may see every layer, use Dagger and picocli, and start the sandbox. */
public class Wiring {
    ConfluenceModule adapterModule;
    GoodService service;
    GoodPort port;
    Model model;
    dagger.Lazy<String> lazy;
    picocli.CommandLine commandLine;
    SandboxMain sandbox;
}
