package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.console.WebConsole;
import ai.askel.confluence.domain.error.ErrorCode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.config.StartupConfig;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's HTTP API: {@link #start()} binds the configured host and port (0 picks a free
 * one, see {@link #port()}), {@link #stop(Duration)} stops it gracefully. Every route is declared by
 * the route groups in one {@link Api} table and served through one {@link RequestPipeline}.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("ai.askel.confluence.adapter.http.access");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);
    /** How long {@link #close()} lets requests in flight finish. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final HttpServerSettings settings;
    private final RequestPipeline pipeline;
    private final HttpMetrics metrics;
    private final ProblemMapper problems;
    private final Api api = new Api();
    private final WebConsole console;
    private Javalin javalin;
    private Server jetty;
    private GracefulHandler inFlight;

    HttpApiServer(HttpServerSettings settings, RequestPipeline pipeline, HttpMetrics metrics, ProblemMapper problems,
                  List<Api.Group> groups, WebConsole console) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.problems = problems;
        this.console = Objects.requireNonNull(console, "console");
        groups.forEach(group -> group.register(api));
    }

    /**
     * Initialises the classes that starting a server needs (Javalin, Jetty and their Kotlin runtime) without starting
     * one: no thread is started and no port is bound. A process can call it on a thread of its own while it does other
     * start-up work (opening its database), so that {@link #start()} then only builds and binds. Harmless to call
     * again, or never.
     */
    public static void warmUp() {
        try {
            Javalin.create(cfg -> {
                quiet(cfg.startup);
                cfg.routes.addHttpHandler(HandlerType.GET, "/", ctx -> ctx.result(""));
            });
            Server server = new Server(new QueuedThreadPool());
            server.setHandler(new GracefulHandler());
            new ServerConnector(server, new HttpConnectionFactory());
        } catch (RuntimeException | LinkageError failsAgainAtStart) {
            // a part that cannot be built fails again, with its reason, where start() builds it
        }
    }

    /**
     * No banner or version notice, and no start-up watcher: Javalin's watcher is a thread that sleeps 5 s to warn about
     * a server never started, and a server here is either started at once or only warms the classes up.
     */
    private static void quiet(StartupConfig startup) {
        startup.showJavalinBanner = false;
        startup.showOldJavalinVersionWarning = false;
        startup.startupWatcherEnabled = false;
    }

    /** Starts listening; answers this server. Throws {@link IllegalStateException} if the port cannot be bound. */
    public synchronized HttpApiServer start() {
        if (javalin != null) {
            throw new IllegalStateException("the HTTP API is already started");
        }
        Javalin app = Javalin.create(cfg -> {
            quiet(cfg.startup);
            cfg.http.maxRequestSize = settings.maxJsonBodyBytes();
            String uploads = settings.uploadDirectory().map(Path::toString).orElse(System.getProperty("java.io.tmpdir"));
            cfg.jetty.multipartConfig.cacheDirectory(uploads);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(MultipartReader.IN_MEMORY_THRESHOLD, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(settings.maxAttachmentBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxAttachmentBytes() + MultipartReader.ENVELOPE_BYTES, SizeUnit.BYTES);
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                // Jetty reuses the header lines seen earlier on a connection; matched without regard to case, a later
                // request's "Authorization: Bearer <key>" differing only in case was read as the earlier line, and so
                // accepted as the earlier key. Case-sensitive, a request is always read as it was sent.
                http.setHeaderCacheCaseSensitive(true);
            });
            // a fixed pool: RequestBounds lets API calls take all but the reserved threads
            QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
            threads.setName("askel-http");
            cfg.jetty.threadPool = threads;
            metrics.threads(threads);
            // Jetty counts multipart parts against the context's form-key limit
            cfg.jetty.modifyServletContextHandler(handler -> handler.setMaxFormKeys(settings.maxMultipartParts()));
            // counts the requests in flight, so that stopping waits for them (and refuses new ones with 503); inside it,
            // the request id leaves the thread with the request (Javalin attaches its servlet to the innermost wrapper)
            cfg.jetty.modifyServer(server -> {
                GracefulHandler graceful = new GracefulHandler();
                graceful.setHandler(RequestIds.forgottenAfterEachRequest());
                server.setHandler(graceful);
                this.jetty = server;
                this.inFlight = graceful;
            });
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                connector.setIdleTimeout(settings.idleTimeout().toMillis());
                return connector;
            });
            cfg.routes.before(RequestIds::assign);
            for (Api.Route route : api.routes()) {
                cfg.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> pipeline.handle(route, ctx));
            }
            console.install(cfg);
            // a path served with other methods answers 405 naming the method, not 404 as if the path did not exist
            cfg.http.prefer405over404 = true;
            cfg.routes.error(405, ctx -> {
                if (!console.owns(ctx.path()) && ctx.attribute(RequestPipeline.ROUTE_ATTRIBUTE) == null) {
                    pipeline.write(ctx, problems.of(ErrorCode.METHOD_NOT_ALLOWED,
                            "%s is not served on %s; see GET /openapi.json for its methods".formatted(ctx.method().name(), ctx.path()), ctx.path()));
                }
            });
            cfg.routes.error(404, ctx -> {
                if (console.owns(ctx.path())) {
                    console.notFoundUnlessAnswered(ctx);
                } else if (ctx.attribute(RequestPipeline.ROUTE_ATTRIBUTE) == null) {
                    pipeline.write(ctx, problems.of(ErrorCode.NOT_FOUND,
                            "there is no route %s %s".formatted(ctx.method().name(), ctx.path()), ctx.path()));
                }
            });
            cfg.requestLogger.http((ctx, millis) -> {
                String route = ctx.attribute(RequestPipeline.ROUTE_ATTRIBUTE);
                String template = route != null ? route : console.owns(ctx.path()) ? "/console" : HttpMetrics.UNMATCHED;
                metrics.record(ctx.method().name(), template, ctx.statusCode(), millis);
                // still in the request's logging context: the line carries its id
                ACCESS.info("{} {} {} {}ms", HttpMetrics.method(ctx.method().name()), template, ctx.statusCode(), Math.round(millis));
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("the HTTP API could not listen on %s:%d (%s)"
                    .formatted(settings.host(), settings.port(), e.getClass().getSimpleName()), e);
        }
        javalin = app;
        return this;
    }

    /** The port listened on (the one picked, if the settings said 0). */
    public synchronized int port() {
        if (javalin == null) {
            throw new IllegalStateException("the HTTP API is not started");
        }
        return javalin.port();
    }

    /** {@link #stop(Duration)} with {@link #DEFAULT_SHUTDOWN_GRACE}. */
    @Override
    public void close() {
        stop(DEFAULT_SHUTDOWN_GRACE);
    }

    /**
     * Stops gracefully: closes the listening socket at once (new connections are refused, a new request
     * on an open connection gets 503), lets the requests in flight finish for up to {@code grace}, then
     * closes every connection. Answers whether all of them finished in time. Calling it again does nothing.
     */
    public boolean stop(Duration grace) {
        Javalin app;
        synchronized (this) {
            app = javalin;
            javalin = null;
            console.close();
        }
        if (app == null) {
            return true;
        }
        long before = inFlight.getCurrentRequestCount();
        LOG.info("HTTP API: no longer accepting connections; {} requests in flight, waiting up to {} ms for them", before,
                grace.toMillis());
        long started = System.nanoTime();
        jetty.setStopTimeout(Math.max(1, grace.toMillis()));
        app.stop();
        long left = inFlight.getCurrentRequestCount();
        LOG.info("HTTP API stopped after {} ms; {}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                left == 0 ? "every request in flight was answered" : left + " requests in flight were cut off at the end of the grace period");
        return left == 0;
    }

    /** The routes served, as declared (for the OpenAPI document's test). */
    List<Api.Route> routes() {
        return api.routes();
    }
}
