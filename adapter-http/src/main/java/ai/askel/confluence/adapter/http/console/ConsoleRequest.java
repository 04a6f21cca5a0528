package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.in.ConnectionRef;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** One console request of a signed-in user: the request, the session, and the page renderer. */
final class ConsoleRequest {
    private final Context ctx;
    private final ConsoleSession session;
    private final Views views;

    ConsoleRequest(Context ctx, ConsoleSession session, Views views) {
        this.ctx = ctx;
        this.session = session;
        this.views = views;
    }

    Context ctx() {
        return ctx;
    }

    ConsoleSession session() {
        return session;
    }

    ConnectionRef ref(String connectionId) {
        return new ConnectionRef(session.caller().workspace(), ConnectionId.of(connectionId));
    }

    ConnectionRef pathConnection() {
        return ref(ctx.pathParam("connection"));
    }

    /** A query or form parameter, stripped; empty when absent or blank. */
    Optional<String> param(String name) {
        String value = ctx.method().name().equals("POST") ? ctx.formParam(name) : ctx.queryParam(name);
        if (value == null) {
            value = ctx.queryParam(name);
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    String required(String name, String label) {
        return param(name).orElseThrow(() -> InvalidInputException.of(label, "is required"));
    }

    List<String> params(String name) {
        return ctx.formParams(name);
    }

    /** Renders the page with the console's chrome around it. */
    void render(String template, String title, String nav, Object model) {
        views.page(ctx, template, Views.chrome(title, nav, session), model);
    }

    /** Shows {@code notice} on the next page (Post/Redirect/Get). */
    void redirect(String location, String notice) {
        session.flash(notice);
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
