package ai.askel.confluence.adapter.http;

import ai.askel.confluence.adapter.http.console.WebConsole;
import ai.askel.confluence.domain.error.ErrorCode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's HTTP API: {@link #start()} binds the configured host and port (0 picks a free
 * one, see {@link #port()}), {@link #close()} stops it. Every route is declared by the route
 * groups in one {@link Api} table and served through one {@link RequestPipeline}.
 */
public final class HttpApiServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("ai.askel.confluence.adapter.http.access");

    private final HttpServerSettings settings;
    private final RequestPipeline pipeline;
    private final HttpMetrics metrics;
    private final ProblemMapper problems;
    private final Api api = new Api();
    private final WebConsole console;
    private Javalin javalin;

    HttpApiServer(HttpServerSettings settings, RequestPipeline pipeline, HttpMetrics metrics, ProblemMapper problems,
                  List<Api.Group> groups, WebConsole console) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.problems = problems;
        this.console = Objects.requireNonNull(console, "console");
        groups.forEach(group -> group.register(api));
    }

    /** Starts listening; answers this server. Throws {@link IllegalStateException} if the port cannot be bound. */
    public synchronized HttpApiServer start() {
        if (javalin != null) {
            throw new IllegalStateException("the HTTP API is already started");
        }
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = settings.maxJsonBodyBytes();
            String uploads = settings.uploadDirectory().map(Path::toString).orElse(System.getProperty("java.io.tmpdir"));
            cfg.jetty.multipartConfig.cacheDirectory(uploads);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(MultipartReader.IN_MEMORY_THRESHOLD, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(settings.maxAttachmentBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxAttachmentBytes() + MultipartReader.ENVELOPE_BYTES, SizeUnit.BYTES);
            cfg.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(settings.host());
                connector.setPort(settings.port());
                connector.setIdleTimeout(settings.idleTimeout().toMillis());
                return connector;
            });
            for (Api.Route route : api.routes()) {
                cfg.routes.addHttpHandler(HandlerType.findOrCreate(route.method()), route.path(), ctx -> pipeline.handle(route, ctx));
            }
            console.install(cfg);
            cfg.routes.error(404, ctx -> {
                if (console.owns(ctx.path())) {
                    console.notFoundUnlessAnswered(ctx);
                } else if (ctx.attribute(RequestPipeline.ROUTE_ATTRIBUTE) == null) {
                    pipeline.write(ctx, problems.of(404, ErrorCode.NOT_FOUND,
                            "there is no route %s %s".formatted(ctx.method().name(), ctx.path()), ctx.path()));
                }
            });
            cfg.requestLogger.http((ctx, millis) -> {
                String route = ctx.attribute(RequestPipeline.ROUTE_ATTRIBUTE);
                String template = route != null ? route : console.owns(ctx.path()) ? "/console" : "unmatched";
                metrics.record(ctx.method().name(), template, ctx.statusCode(), millis);
                ACCESS.info("{} {} {} {}ms", ctx.method().name(), template, ctx.statusCode(), Math.round(millis));
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

    /** Stops listening; requests in flight are given the Jetty default grace to finish. */
    @Override
    public synchronized void close() {
        if (javalin != null) {
            javalin.stop();
            javalin = null;
            console.close();
        }
    }

    /** The routes served, as declared (for the OpenAPI document's test). */
    List<Api.Route> routes() {
        return api.routes();
    }
}
