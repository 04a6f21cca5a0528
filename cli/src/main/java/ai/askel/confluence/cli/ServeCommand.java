package ai.askel.confluence.cli;

import ai.askel.confluence.app.AskelHttpApi;
import ai.askel.confluence.adapter.http.HttpApiServer;
import ai.askel.confluence.app.AskelConfluence;
import ai.askel.confluence.app.templates.TemplateDirectoryWatcher;
import ai.askel.confluence.app.config.AppConfig;
import ai.askel.confluence.app.config.Setting;
import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.sandbox.ConfluenceSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The HTTP API, until the process is stopped. */
@Command(name = "serve", description = {"Serves the HTTP API (embedded H2 unless a database URL is configured).",
        "--json: {api, health, openapi} once it listens (with --sandbox also the sandbox, its connection and a new API key)."})
final class ServeCommand extends ConnectorCommand {
    /** How often serve looks for changed templates in the plugins directory (changes serve without a restart). */
    static final Duration TEMPLATE_POLL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", description = "HTTP port (default from ASKEL_HTTP_PORT, else 8080; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
    String host;

    @Option(names = "--sandbox", description = "Also start a local Confluence sandbox, connect to it, and print ready-to-paste curl commands.")
    boolean sandbox;

    @Option(names = "--sandbox-port", description = "Port of the sandbox with --sandbox (default 8090).", defaultValue = "8090")
    int sandboxPort;

    /** Counted down to stop the server: by SIGTERM/SIGINT, or in-process (tests). */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    protected int execute() throws InterruptedException {
        // the HTTP server's classes initialised on a thread of their own while this one opens the database
        Thread warmUp = new Thread(HttpApiServer::warmUp, "askel-http-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Output out = out();
        Map<Setting, String> overrides = new EnumMap<>(Setting.class);
        if (port != null) {
            overrides.put(Setting.HTTP_PORT, port.toString());
        }
        if (host != null) {
            overrides.put(Setting.HTTP_HOST, host);
        }
        ConfluenceSandbox local = sandbox ? ConfluenceSandbox.builder().port(sandboxPort).demoData().start() : null;
        if (local != null) {
            AppConfig base = config(overrides);
            String origins = String.join(",", base.list(Setting.ALLOWED_SITE_ORIGINS)) + "," + local.baseUrl();
            overrides.put(Setting.ALLOWED_SITE_ORIGINS, origins);
        }
        AppConfig config = config(overrides);
        Duration grace = config.duration(Setting.SHUTDOWN_GRACE);
        try (ShutdownSignals signals = ShutdownSignals.install(stop::countDown, grace)) {
            serve(config, local, grace, out);
            return 0;
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /**
     * Accepts the operator's key for the default workspace; a key that is not one (its form) is named by where it was
     * given, the environment variable or the properties file's key, never shown.
     */
    private static void adoptBootstrapKey(AskelConfluence askel, String key, String source) {
        try {
            askel.manageApiKeys().adopt(WorkspaceIds.DEFAULT, "bootstrap", Secret.of(key, source));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problems().stream().map(problem -> new InvalidInputException.Problem(source, problem.message()))
                    .toList());
        }
    }

    /**
     * Serves until {@link #stop} is counted down (by a signal, or in-process), then stops in this order,
     * logging each step: the HTTP API stops accepting and lets the requests in flight finish within the
     * grace period; the job worker stops (items in flight get {@code ASKEL_JOB_SHUTDOWN_WAIT}, the rest run again on
     * another instance); the pool and the database close (try-with-resources) only after both, so no acknowledged
     * write is cut off.
     */
    private void serve(AppConfig config, ConfluenceSandbox local, Duration grace, Output out) throws InterruptedException {
        try (AskelConfluence askel = AskelConfluence.from(config)) {
            // adopted before the port opens, so an unattended start accepts the key from the first request
            config.optional(Setting.BOOTSTRAP_API_KEY).ifPresent(key -> adoptBootstrapKey(askel, key, config.source(Setting.BOOTSTRAP_API_KEY)));
            HttpApiServer server = AskelHttpApi.server(askel).start();
            TemplateDirectoryWatcher watcher = null;
            try {
                String base = "http://" + config.string(Setting.HTTP_HOST) + ":" + server.port();
                out.line("Askel Confluence Connector serving " + base + "/api/v1 (health: " + base + "/health/ready, API description: "
                        + base + "/openapi.json)");
                Map<String, Object> started = new LinkedHashMap<>();
                started.put("api", base + "/api/v1");
                started.put("health", base + "/health/ready");
                started.put("openapi", base + "/openapi.json");
                if (local != null) {
                    started.putAll(printSandboxQuickstart(out, askel, local, base, config.path(Setting.DATA_DIR)));
                }
                if (out.isJson()) {
                    out.result(started, "");
                }
                // job items and, once per cluster, the drift scan, token-expiry check and job housekeeping
                askel.startWorker(true);
                // once ready, with what a start loads: the launcher's class-data archive, when it asked for one
                ClassDataArchive.writeInBackgroundIfRequested();
                watcher = config.optional(Setting.PLUGINS_DIR)
                        .map(dir -> TemplateDirectoryWatcher.start(Path.of(dir), TEMPLATE_POLL, askel.reloadTemplates(),
                                result -> result.problems().forEach(problem -> out.line("Template not reloaded: " + problem))))
                        .orElse(null);
                stop.await(); // until a signal or an in-process stop: serving until told otherwise is the command's job
            } finally {
                LOG.info("Stopping: 1/3 the HTTP API stops accepting and drains the requests in flight");
                server.stop(grace);
                if (watcher != null) {
                    watcher.close();
                }
                LOG.info("Stopping: 2/3 the job worker and its share of the recurring tasks");
                askel.stopWorker();
                LOG.info("Stopping: 3/3 closing the connection pool and the database");
            }
        }
        LOG.info("Stopped cleanly: every answered write is in the database");
    }

    /** Prints how to try the API against the sandbox; answers the same facts for --json. */
    private static Map<String, Object> printSandboxQuickstart(Output out, AskelConfluence askel, ConfluenceSandbox local, String base,
                                                              Path dataDirectory) {
        Connection connection = SandboxConnection.renew(askel, local.baseUrl(), dataDirectory);
        Secret key = SandboxApiKey.obtain(askel.manageApiKeys(), dataDirectory);
        String auth = "-H 'Authorization: Bearer " + key.reveal() + "'";
        String c = base + "/api/v1/connections/" + connection.id();
        out.line("");
        out.line("Local Confluence sandbox: " + local.baseUrl() + "/wiki (user ada@example.com, API token ada-token)");
        out.line("Connection to it: " + connection.id());
        out.line("API key (kept in " + SandboxApiKey.FILE + " in the data directory for the next start): " + key.reveal());
        out.line("");
        out.line("Try:");
        out.line("  curl -s " + auth + " " + c + "/spaces");
        out.line("  curl -s " + auth + " -H 'Content-Type: application/json' -X POST " + c + "/pages \\");
        out.line("       -d '{\"spaceKey\":\"INFRA\",\"title\":\"Hello from curl\",\"body\":{\"representation\":\"storage\",\"value\":\"<p>Hi</p>\"},\"labels\":[\"demo\"]}'");
        out.line("  curl -s " + auth + " '" + c + "/pages?spaceKey=INFRA&titleContains=Hello'");
        out.line("  curl -s " + auth + " -H 'Content-Type: application/json' -X POST " + c + "/runbooks \\");
        out.line("       -d '{\"template\":\"customer-environment-runbook\",\"spaceKey\":\"INFRA\",\"title\":\"Crestview Production\","
                + "\"inputs\":{\"environment\":\"Crestview Production\",\"customer\":\"Crestview Health\",\"status\":\"LIVE\"}}'");
        out.line("  curl -s " + auth + " " + base + "/api/v1/templates");
        out.line("");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sandbox", local.baseUrl());
        facts.put("connectionId", connection.id().value());
        facts.put("apiKey", key.reveal());
        return facts;
    }
}
