package ai.askel.confluence.cli;

import ai.askel.confluence.sandbox.ConfluenceSandbox;
import ai.askel.confluence.sandbox.ConfluenceSandboxBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A local Confluence Cloud, until the process is stopped. */
@Command(name = "sandbox", description = {"Runs a local Confluence Cloud sandbox (the demo site unless --seed is given).",
        "--json: {url, users: [{email, apiToken, accountId}]} once it listens."})
final class SandboxCommand extends ConnectorCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCommand.class);
    /** The grace period for closing the sandbox after a signal; past it (and the watchdog's margin) the process is forced out. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Option(names = "--port", defaultValue = "8090", description = "Port (default 8090; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--seed", paramLabel = "FILE", description = "A JSON seed file: users, spaces, pages (see confluence-sandbox/README.md).")
    Path seed;

    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    protected int execute() throws InterruptedException {
        ConfluenceSandboxBuilder builder = ConfluenceSandbox.builder().port(port).host(host);
        if (seed != null) {
            builder.seed(seed);
        } else {
            builder.demoData();
        }
        try (ShutdownSignals signals = ShutdownSignals.install(stop::countDown, STOP_GRACE); ConfluenceSandbox sandbox = builder.start()) {
            Output out = out();
            out.line("Confluence sandbox running at " + sandbox.baseUrl() + "/wiki (admin API: " + sandbox.baseUrl() + "/__sandbox)");
            sandbox.users().forEach(u -> out.line("  user " + u.email() + ", API token " + u.apiToken()));
            out.line("Point the connector at it with ASKEL_ALLOWED_SITE_ORIGINS=" + sandbox.baseUrl());
            if (out.isJson()) {
                out.result(Map.of("url", sandbox.baseUrl(), "users", sandbox.users().stream()
                        .map(u -> Map.of("email", u.email(), "apiToken", u.apiToken(), "accountId", u.accountId())).toList()), "");
            }
            stop.await(); // until a signal or an in-process stop: serving until told otherwise is the command's job
        }
        LOG.info("Sandbox stopped");
        return 0;
    }
}
