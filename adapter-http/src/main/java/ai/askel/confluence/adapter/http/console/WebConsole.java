package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.ApiKeyScope;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.ActingApiKey;
import ai.askel.confluence.ports.in.AuthenticateApiKeyUseCase;
import ai.askel.confluence.ports.in.AuthenticatedCaller;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The onboarding console at {@code /console}: server-rendered pages over the same use cases as the
 * HTTP API, for a user signed in with an API key. Every response carries a strict
 * Content-Security-Policy (scripts and styles from this origin only, no inline script), refuses to
 * be framed and sends referrers only to itself; every form carries the session's CSRF token; a user whose key
 * may only read gets no write buttons and any write it forges is refused.
 */
public final class WebConsole implements AutoCloseable {
    static final String BASE = "/console";
    static final String SESSION_COOKIE = "askel_console";
    static final String SIGN_IN_COOKIE = "askel_console_signin";
    static final String CSRF_FIELD = "_csrf";
    private static final String ANSWERED = "askel.console.answered";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";
    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);
    private static final Map<String, String> STATIC_FILES = Map.of("console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    /** Who may call a route. */
    enum Access { PUBLIC, READ, WRITE, ADMIN }

    /** A page's work for a signed-in user. */
    @FunctionalInterface
    interface Page {
        void handle(ConsoleRequest request) throws Exception;
    }

    /** A part of the console that declares its routes. */
    interface Section {
        void register(WebConsole console);
    }

    private final ConsoleSettings settings;
    private final AuthenticateApiKeyUseCase authenticator;
    private final Views views = new Views();
    private final SessionStore sessions;
    private final SignInLimiter limiter;
    private final List<Section> sections;
    private JavalinConfig config;

    @Inject
    public WebConsole(ConsoleSettings settings, AuthenticateApiKeyUseCase authenticator, ConnectionPages connections,
                      SpacePages spaces, PublishPages publishing, OversightPages oversight) {
        this.settings = settings;
        this.authenticator = authenticator;
        Clock clock = Clock.systemUTC();
        this.sessions = new SessionStore(settings, clock);
        this.limiter = new SignInLimiter(settings.signInAttemptsPerMinute(), clock);
        this.sections = List.of(connections, spaces, publishing, oversight);
    }

    /** Whether the console is served at all ({@code ASKEL_CONSOLE_ENABLED}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Adds the console's routes to a Javalin server being configured. */
    public void install(JavalinConfig cfg) {
        if (!settings.enabled()) {
            return;
        }
        this.config = cfg;
        cfg.routes.addHttpHandler(HandlerType.GET, BASE, ctx -> {
            headers(ctx);
            ctx.redirect(BASE + "/connections", HttpStatus.SEE_OTHER);
        });
        cfg.routes.addHttpHandler(HandlerType.GET, BASE + "/static/{file}", this::staticFile);
        cfg.routes.addHttpHandler(HandlerType.GET, BASE + "/sign-in", this::signInForm);
        cfg.routes.addHttpHandler(HandlerType.POST, BASE + "/sign-in", this::signIn);
        post("/sign-out", Access.READ, r -> {
            sessions.close(r.session().id());
            clearCookie(r.ctx(), SESSION_COOKIE);
            r.ctx().redirect(BASE + "/sign-in?signedOut=1", HttpStatus.SEE_OTHER);
        });
        sections.forEach(section -> section.register(this));
        this.config = null;
    }

    /** True for a path the console answers (for the server's not-found handler). */
    public boolean owns(String path) {
        return settings.enabled() && (path.equals(BASE) || path.startsWith(BASE + "/"));
    }

    /** The console's own page for a path under {@code /console} that no console route answered. */
    public void notFoundUnlessAnswered(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            notFound(ctx);
        }
    }

    void notFound(Context ctx) {
        headers(ctx);
        ctx.status(404);
        views.page(ctx, "error", Views.anonymous("Not found"), new Explain.Problem("There is no such page.",
                "Use the navigation to find what you were looking for.", "", 404));
    }

    /** Ends every session (the server stops). */
    @Override
    public void close() {
        sessions.closeAll();
    }

    void get(String path, Access access, Page page) {
        config.routes.addHttpHandler(HandlerType.GET, BASE + path, ctx -> serve(ctx, access, page));
    }

    void post(String path, Access access, Page page) {
        config.routes.addHttpHandler(HandlerType.POST, BASE + path, ctx -> serve(ctx, access, page));
    }

    private void serve(Context ctx, Access access, Page page) {
        headers(ctx);
        SessionStore.Lookup lookup = sessions.find(ctx.cookie(SESSION_COOKIE));
        boolean post = ctx.method() == HandlerType.POST;
        if (lookup.session().isEmpty()) {
            clearCookie(ctx, SESSION_COOKIE);
            String reason = lookup.state() == SessionStore.State.EXPIRED ? "expired" : "required";
            if (post) {
                refuse(ctx, 401, "Your session has " + (reason.equals("expired") ? "expired." : "ended."),
                        "Sign in again with your API key; what you submitted was not saved.");
            } else {
                ctx.redirect(BASE + "/sign-in?" + reason + "=1", HttpStatus.SEE_OTHER);
            }
            return;
        }
        ConsoleSession session = lookup.session().get();
        if (!keyStillStands(ctx, session, post)) {
            return;
        }
        if (post && !sameOrigin(ctx)) {
            refuse(ctx, 403, "This form was sent from another site.", "Only forms of this console are accepted. Open the console directly.");
            return;
        }
        if (post && !matches(ctx.formParam(CSRF_FIELD), session.csrfToken())) {
            refuse(ctx, 403, "This form was refused: it did not carry this session's security token.",
                    "Reload the page and submit the form again.");
            return;
        }
        if (access == Access.WRITE && !session.canWrite()) {
            refuse(ctx, 403, "Your API key may only read.", "Ask for a key with write access to change anything.");
            return;
        }
        if (access == Access.ADMIN && !session.caller().scope().allows(ApiKeyScope.ADMIN)) {
            refuse(ctx, 403, "Only an admin key may see this.", "Sign in with an admin key of this workspace.");
            return;
        }
        ConsoleRequest request = new ConsoleRequest(ctx, session, views);
        ActingApiKey.during(session.caller().keyPrefix(), () -> {
            try {
                page.handle(request);
            } catch (ConnectorException e) {
                showProblem(ctx, session, Explain.of(e), e);
            } catch (Exception e) {
                StackTraceElement[] trace = e.getStackTrace();
                LOG.error("console {} {} failed unexpectedly: {} at {}", ctx.method().name(), ctx.path(),
                        e.getClass().getName(), trace.length > 0 ? trace[0] : "unknown location");
                showProblem(ctx, session, Explain.unexpected(), e);
            }
            return null;
        });
    }

    /**
     * The session acts for the key it signed in with only while that key stands as it was: a revoked key (or one whose
     * scope changed) ends the session at once, not when it times out. One lookup by the key's prefix per request.
     */
    private boolean keyStillStands(Context ctx, ConsoleSession session, boolean post) {
        Optional<AuthenticatedCaller> current;
        try {
            current = authenticator.current(session.caller());
        } catch (ConnectorException e) {
            showProblem(ctx, session, Explain.of(e), e);
            return false;
        }
        if (current.isPresent() && current.get().equals(session.caller())) {
            return true;
        }
        sessions.close(session.id());
        clearCookie(ctx, SESSION_COOKIE);
        if (post) {
            refuse(ctx, 401, "Your session has ended: its API key was revoked or changed.",
                    "Sign in again with a valid API key; what you submitted was not saved.");
        } else {
            ctx.redirect(BASE + "/sign-in?revoked=1", HttpStatus.SEE_OTHER);
        }
        return false;
    }

    private void showProblem(Context ctx, ConsoleSession session, Explain.Problem problem, Exception e) {
        if (problem.status() >= 500 && e instanceof ConnectorException c && c.code() != ErrorCode.INTERNAL) {
            LOG.warn("console {} {} failed with {}", ctx.method().name(), ctx.path(), c.code());
        }
        ctx.status(problem.status());
        views.page(ctx, "error", Views.chrome("Something went wrong", "", session), problem);
    }

    private void refuse(Context ctx, int status, String headline, String advice) {
        ctx.status(status);
        views.page(ctx, "error", Views.anonymous(headline), new Explain.Problem(headline, advice, "", status));
    }

    private void signInForm(Context ctx) {
        headers(ctx);
        String token = SessionStore.randomToken();
        setCookie(ctx, SIGN_IN_COOKIE, token, Duration.ofMinutes(30));
        Optional<String> notice = ctx.queryParam("expired") != null ? Optional.of("Your session expired. Sign in again.")
                : ctx.queryParam("signedOut") != null ? Optional.of("You are signed out.")
                : ctx.queryParam("revoked") != null ? Optional.of("Your session ended: its API key was revoked or changed. Sign in with a valid key.")
                : Optional.empty();
        views.page(ctx, "sign-in", Views.anonymous("Sign in"), new SignInModel(token, notice, Optional.empty()));
    }

    private void signIn(Context ctx) {
        headers(ctx);
        if (!sameOrigin(ctx)) {
            refuse(ctx, 403, "This form was sent from another site.", "Open the console directly and sign in there.");
            return;
        }
        String expected = ctx.cookie(SIGN_IN_COOKIE);
        if (expected == null || !matches(ctx.formParam(CSRF_FIELD), expected)) {
            refuse(ctx, 403, "This form was refused: it did not carry its security token.", "Reload the sign-in page and try again.");
            return;
        }
        Duration wait = limiter.attempt(ctx.ip());
        if (!wait.isZero()) {
            ctx.status(429);
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            views.page(ctx, "sign-in", Views.anonymous("Sign in"), new SignInModel(expected, Optional.empty(), Optional.of(
                    "Too many sign-in attempts from this address. Wait %d seconds and try again.".formatted(Math.max(1, wait.toSeconds())))));
            return;
        }
        String key = Optional.ofNullable(ctx.formParam("apiKey")).map(String::strip).orElse("");
        AuthenticatedCaller caller;
        try {
            caller = authenticator.authenticate(key);
        } catch (ConnectorException e) {
            ctx.status(401);
            views.page(ctx, "sign-in", Views.anonymous("Sign in"), new SignInModel(expected, Optional.empty(), Optional.of(
                    "That API key was not accepted: it is unknown, revoked or mistyped. Paste the whole key (it starts with ask_).")));
            return;
        }
        ConsoleSession session = sessions.open(caller, caller.scope().allows(ApiKeyScope.WRITE));
        clearCookie(ctx, SIGN_IN_COOKIE);
        setCookie(ctx, SESSION_COOKIE, session.id(), settings.absoluteTimeout());
        ctx.redirect(BASE + "/connections", HttpStatus.SEE_OTHER);
    }

    record SignInModel(String csrf, Optional<String> notice, Optional<String> error) {
    }

    private void staticFile(Context ctx) {
        headers(ctx);
        String file = ctx.pathParam("file");
        String type = STATIC_FILES.get(file);
        if (type == null) {
            notFound(ctx);
            return;
        }
        try (InputStream in = WebConsole.class.getResourceAsStream("/console/" + file)) {
            if (in == null) {
                notFound(ctx);
                return;
            }
            ctx.contentType(type);
            ctx.header("Cache-Control", "max-age=300");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void headers(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, and the origin check needs it
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** Served over TLS, or behind a proxy that says the client used TLS. */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** A POST's Origin (when the browser sends one) must be this server's. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String host = ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.header("Host");
        if (host == null) {
            return false;
        }
        return origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host);
    }

    private static boolean matches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static void setCookie(Context ctx, String name, String value, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + BASE + "; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secure(ctx) ? "; Secure" : ""));
    }

    private static void clearCookie(Context ctx, String name) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=" + BASE + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure(ctx) ? "; Secure" : ""));
    }
}
