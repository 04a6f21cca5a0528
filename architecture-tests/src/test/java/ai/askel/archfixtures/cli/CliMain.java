package ai.askel.archfixtures.cli;

import ai.askel.archfixtures.app.Wiring;
import ai.askel.archfixtures.sandbox.SandboxMain;

/** The executable sits above the app: it may use picocli and Logback, and start the sandbox. */
public class CliMain {
    Wiring app;
    picocli.CommandLine commandLine;
    SandboxMain sandbox;
    ch.qos.logback.classic.LoggerContext logging;
}
