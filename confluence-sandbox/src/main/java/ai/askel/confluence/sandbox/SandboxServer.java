package ai.askel.confluence.sandbox;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The Javalin server: Confluence's routes plus the cross-cutting behaviour every Confluence request goes through
 * (authentication, rate limiting, fault injection, the request log). Admin calls under {@code /__sandbox} skip all
 * of it.
 */
final class SandboxServer {

    static final String ADMIN_PREFIX = "/__sandbox";
    static final String UNAUTHORIZED = "Basic authentication with passwords is deprecated.  For more information, "
            + "see: https://confluence.atlassian.com/cloud/deprecation-of-basic-authentication-with-passwords-for-jira"
            + "-and-confluence-apis-972355348.html";
    private static final String DROPPED = "sandbox.dropped";

    private final Javalin app;

    SandboxServer(ConfluenceSandbox sandbox, Store store, Path multipartCache) {
        V2Routes v2 = new V2Routes(store, sandbox::baseUrl);
        V1Routes v1 = new V1Routes(store, sandbox::baseUrl, sandbox::maxAttachmentBytes);
        AdminRoutes admin = new AdminRoutes(sandbox);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = 6L * 1024 * 1024;
            // read every request as sent, as Confluence does: Jetty's header cache, matched without regard to case,
            // would read a credential differing only in case from one sent earlier on the connection as that one
            cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
            cfg.jetty.multipartConfig.cacheDirectory(multipartCache.toString());
            cfg.jetty.multipartConfig.maxInMemoryFileSize(0, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(2, SizeUnit.GB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(2, SizeUnit.GB);
            cfg.requestLogger.http((ctx, millis) -> log(sandbox, ctx, millis));
            cfg.routes.beforeMatched(ctx -> gate(sandbox, store, ctx));
            cfg.routes.exception(ApiError.class, (e, ctx) -> Http.json(ctx, e.status(), e.body()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> Http.json(ctx, 400,
                    Http.map("message", e.getMessage())));
            v2.register(cfg.routes);
            v1.register(cfg.routes);
            admin.register(cfg.routes);
        });
    }

    int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    void stop() {
        app.stop();
    }

    private static void gate(ConfluenceSandbox sandbox, Store store, Context ctx) {
        if (ctx.path().startsWith(ADMIN_PREFIX)) {
            return;
        }
        ctx.header("atl-traceid", UUID.randomUUID().toString().replace("-", ""));
        Optional<Store.Account> account;
        try {
            account = authenticate(store, ctx.header("Authorization"));
        } catch (IllegalArgumentException rejected) {
            ctx.status(401).contentType("text/plain").result(UNAUTHORIZED);
            ctx.skipRemainingHandlers();
            return;
        }
        account.ifPresent(a -> ctx.attribute(Http.ACCOUNT, a));
        RateLimits limits = sandbox.rateLimits();
        if (limits.enabled()) {
            RateLimits.Decision decision = limits.check(account.map(a -> a.accountId).orElse("anonymous@" + ctx.ip()));
            ctx.header("X-RateLimit-Limit", String.valueOf(decision.limit()));
            ctx.header("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
            ctx.header("X-RateLimit-Reset", decision.reset().toString());
            if (decision.nearLimit()) {
                ctx.header("X-RateLimit-NearLimit", "true");
            }
            if (!decision.allowed()) {
                ctx.header("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                ctx.header("RateLimit-Reason", "confluence-quota-tenant-based");
                Http.json(ctx, 429, Http.map("message", "Rate limit exceeded. Retry after "
                        + decision.retryAfterSeconds() + " seconds."));
                ctx.skipRemainingHandlers();
                return;
            }
        }
        Faults.Decision fault = sandbox.faults().decide(ctx.req().getMethod(), ctx.path(), template(ctx));
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.drop()) {
            ctx.attribute(DROPPED, Boolean.TRUE);
            ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                    .getEndPoint().close();
            ctx.skipRemainingHandlers();
        } else if (fault.fails()) {
            drainBody(ctx);
            if (!fault.retryAfter().isZero()) {
                ctx.header("Retry-After", String.valueOf(fault.retryAfter().toSeconds()));
            }
            ApiError error = ctx.path().startsWith(V2Routes.PREFIX)
                    ? ApiError.v2(fault.status(), "SANDBOX_INJECTED_FAULT", "Injected fault (status "
                            + fault.status() + ")")
                    : ApiError.v1(fault.status(), "Injected fault (status " + fault.status() + ")");
            Http.json(ctx, fault.status(), error.body());
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * Reads (and drops) the request's body before an injected fault is answered. A server that answers and closes with
     * the body unread resets the connection, and the client may then lose the answer and see an I/O error instead: the
     * fault a test asked for would turn into another one, at random.
     */
    private static void drainBody(Context ctx) {
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client is gone; the answer below goes nowhere either
        }
    }

    /**
     * No header: the anonymous user. A Basic header with a known email and its current token: that user.
     * Anything else (other schemes, bad base64, wrong or revoked token) is rejected.
     */
    private static Optional<Store.Account> authenticate(Store store, String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new IllegalArgumentException("not Basic");
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no colon");
        }
        return Optional.of(store.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1))
                .orElseThrow(() -> new IllegalArgumentException("unknown credentials")));
    }

    private static String template(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "(unmatched)" : endpoint.path;
    }

    private static void log(ConfluenceSandbox sandbox, Context ctx, Float millis) {
        if (ctx.path().startsWith(ADMIN_PREFIX)) {
            return;
        }
        String method = ctx.req().getMethod();
        Store.Account account = Http.caller(ctx);
        int status = Boolean.TRUE.equals(ctx.attribute(DROPPED)) ? 0 : ctx.statusCode();
        sandbox.requestLog().record(new RequestLog.Entry(Instant.now(), method, ctx.path(),
                method + " " + template(ctx), status, account == null ? "" : account.accountId,
                millis == null ? 0 : millis.longValue()));
    }
}
