package ai.askel.confluence.adapter.http.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the console's pages from the jte templates compiled into this package at build time
 * (src/main/jte): every expression is HTML-escaped unless a template says otherwise, and only the
 * sanitised preview of a rendered page does.
 */
final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Views.class.getClassLoader(), Views.class.getPackageName());

    /** What every page shows around its content: title, the active navigation entry, who is signed in. */
    record Chrome(String title, String nav, boolean signedIn, String keyPrefix, String csrf, boolean canWrite, boolean isAdmin,
                  Optional<String> notice) {
    }

    static Chrome chrome(String title, String nav, ConsoleSession session) {
        return new Chrome(title, nav, true, session.caller().keyPrefix(), session.csrfToken(), session.canWrite(),
                session.caller().scope().allows(ai.askel.confluence.domain.ApiKeyScope.ADMIN), session.takeFlash());
    }

    static Chrome anonymous(String title) {
        return new Chrome(title, "", false, "", "", false, false, Optional.empty());
    }

    void page(Context ctx, String template, Chrome chrome, Object model) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(render(template, chrome, model));
    }

    String render(String template, Chrome chrome, Object model) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chrome", chrome);
        params.put("model", model);
        StringOutput out = new StringOutput(8 * 1024);
        engine.render(template + ".jte", params, out);
        return out.toString();
    }
}
