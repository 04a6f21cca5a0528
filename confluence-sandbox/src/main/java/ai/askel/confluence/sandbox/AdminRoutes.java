package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The admin API under {@code /__sandbox} (JSON, no auth, not counted, never rate limited or faulted): request
 * counters, faults, rate limits, search lag, set-up and the person-like operations.
 */
final class AdminRoutes {

    private static final String P = SandboxServer.ADMIN_PREFIX;
    private static final ApiError.Style V1 = ApiError.Style.V1;

    private final ConfluenceSandbox sandbox;

    AdminRoutes(ConfluenceSandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(RoutesConfig routes) {
        routes.get(P + "/requests", this::requests);
        routes.delete(P + "/requests", ctx -> {
            sandbox.resetCounters();
            ctx.status(204);
        });
        routes.get(P + "/faults", ctx -> Http.json(ctx, 200, sandbox.faults().describe()));
        routes.put(P + "/faults", this::setFaults);
        routes.post(P + "/faults/rules", this::addRule);
        routes.delete(P + "/faults", ctx -> Http.json(ctx, 200, sandbox.faults().clear().describe()));
        routes.get(P + "/rate-limit", ctx -> Http.json(ctx, 200, sandbox.rateLimits().describe()));
        routes.put(P + "/rate-limit", this::setRateLimit);
        routes.delete(P + "/rate-limit", ctx -> Http.json(ctx, 200, sandbox.rateLimits().disable().describe()));
        routes.get(P + "/settings", ctx -> Http.json(ctx, 200, settings()));
        routes.put(P + "/settings", this::setSettings);
        routes.post(P + "/users", this::addUser);
        routes.post(P + "/spaces", this::addSpace);
        routes.post(P + "/actions/create-page", this::createPage);
        routes.post(P + "/actions/edit-page", ctx -> act(ctx, b ->
                sandbox.editPage(text(b, "pageId"), text(b, "as"), text(b, "body"))));
        routes.post(P + "/actions/rename-page", ctx -> act(ctx, b ->
                sandbox.renamePage(text(b, "pageId"), text(b, "as"), text(b, "title"))));
        routes.post(P + "/actions/move-page", ctx -> act(ctx, b ->
                sandbox.movePage(text(b, "pageId"), text(b, "parentId"), text(b, "as"))));
        routes.post(P + "/actions/trash-page", ctx -> act(ctx, b ->
                sandbox.trashPage(text(b, "pageId"), text(b, "as"))));
        routes.post(P + "/actions/restore-page", ctx -> act(ctx, b -> {
            try {
                sandbox.restorePage(text(b, "pageId"), text(b, "as"));
            } catch (Store.DuplicateTitle e) {
                // as Confluence answers a title taken in the space, whichever way the page would get it back: 400
                throw Http.bad(V1, e.getMessage());
            }
        }));
        routes.post(P + "/actions/editor-save", ctx -> act(ctx, b ->
                sandbox.editorSave(text(b, "pageId"), text(b, "as"))));
        routes.post(P + "/actions/restrict-editing", ctx -> act(ctx, b -> {
            java.util.List<String> users = new java.util.ArrayList<>();
            b.path("editors").forEach(u -> users.add(u.asText()));
            sandbox.restrictEditing(text(b, "pageId"), users.toArray(String[]::new));
        }));
        routes.post(P + "/actions/delete-attachment", ctx -> act(ctx, b ->
                sandbox.deleteAttachment(text(b, "pageId"), text(b, "filename"), text(b, "as"))));
        routes.post(P + "/actions/delete-space", ctx -> act(ctx, b -> sandbox.deleteSpace(text(b, "space"))));
        routes.post(P + "/actions/rename-space", ctx -> act(ctx, b -> sandbox.renameSpace(text(b, "space"), text(b, "name"))));
        routes.post(P + "/actions/add-labels", ctx -> act(ctx, b -> {
            for (JsonNode label : b.path("labels")) {
                sandbox.addLabels(text(b, "pageId"), label.asText());
            }
        }));
        routes.post(P + "/actions/remove-label", ctx -> act(ctx, b ->
                sandbox.removeLabel(text(b, "pageId"), text(b, "label"))));
        routes.post(P + "/actions/replace-attachment", ctx -> act(ctx, b ->
                sandbox.replaceAttachment(text(b, "pageId"), text(b, "filename"),
                        b.hasNonNull("base64") ? Base64.getDecoder().decode(text(b, "base64"))
                                : text(b, "content").getBytes(StandardCharsets.UTF_8), text(b, "as"))));
        routes.post(P + "/actions/revoke-token", ctx -> act(ctx, b -> sandbox.revokeToken(text(b, "user"))));
        routes.post(P + "/actions/set-token", ctx -> act(ctx, b -> sandbox.setToken(text(b, "user"), text(b, "token"))));
        routes.post(P + "/actions/set-permission", ctx -> act(ctx, b ->
                sandbox.setPermission(text(b, "user"), text(b, "space"),
                        Permission.valueOf(text(b, "permission").toUpperCase(Locale.ROOT)))));
        routes.get(P + "/pages/{id}", ctx -> Http.json(ctx, 200, sandbox.findPage(ctx.pathParam("id"))
                .map(p -> map("id", p.id(), "spaceKey", p.spaceKey(), "title", p.title(), "status", p.status(),
                        "version", p.version(), "storage", p.storage(), "parentId", p.parentId().orElse(null),
                        "labels", p.labels(), "attachments", p.attachments()))
                .orElseThrow(() -> ApiError.v1(404, "no page " + ctx.pathParam("id")))));
    }

    private interface Action {
        void run(JsonNode body);
    }

    private void act(Context ctx, Action action) {
        action.run(Http.body(ctx, V1));
        ctx.status(204);
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw Http.bad(V1, "'" + field + "' is required");
        }
        return body.get(field).asText();
    }

    private void requests(Context ctx) {
        RequestLog log = sandbox.requestLog();
        Http.json(ctx, 200, map("total", log.total(), "counts", log.counts(), "recent",
                log.recent().stream().map(e -> map("at", e.at().toString(), "method", e.method(), "path", e.path(),
                        "endpoint", e.endpoint(), "status", e.status(), "accountId", e.accountId(),
                        "millis", e.millis())).collect(Collectors.toList())));
    }

    private void setFaults(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        Faults faults = sandbox.faults();
        if (b.has("latencyMs") || b.has("jitterMs")) {
            faults.latency(Duration.ofMillis(b.path("latencyMs").asLong(0)),
                    Duration.ofMillis(b.path("jitterMs").asLong(0)));
        }
        if (b.has("errorRate")) {
            faults.errorRate(b.get("errorRate").asDouble(), b.path("errorStatus").asInt(503));
        }
        if (b.has("dropRate")) {
            faults.dropRate(b.get("dropRate").asDouble());
        }
        if (b.has("seed")) {
            faults.seed(b.get("seed").asLong());
        }
        Http.json(ctx, 200, faults.describe());
    }

    private void addRule(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        sandbox.faults().failNext(b.path("method").asText("*"), text(b, "path"), b.path("status").asInt(503),
                b.path("times").asInt(1), Duration.ofSeconds(b.path("retryAfterSeconds").asLong(0)));
        Http.json(ctx, 200, sandbox.faults().describe());
    }

    private void setRateLimit(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        if (b.path("enabled").asBoolean(true)) {
            int requests = b.path("requests").asInt(0);
            Duration window = Duration.ofSeconds(b.path("windowSeconds").asLong(60));
            if ("site".equals(b.path("scope").asText("user"))) {
                sandbox.rateLimits().siteBudget(requests, window);
            } else {
                sandbox.rateLimits().budget(requests, window);
            }
        } else {
            sandbox.rateLimits().disable();
        }
        Http.json(ctx, 200, sandbox.rateLimits().describe());
    }

    private Object settings() {
        return map("indexDelayMs", sandbox.indexDelay().toMillis(), "maxAttachmentBytes",
                sandbox.maxAttachmentBytes(), "baseUrl", sandbox.baseUrl());
    }

    private void setSettings(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        if (b.has("indexDelayMs")) {
            sandbox.indexDelay(Duration.ofMillis(b.get("indexDelayMs").asLong()));
        }
        if (b.has("maxAttachmentBytes")) {
            sandbox.maxAttachmentBytes(b.get("maxAttachmentBytes").asLong());
        }
        Http.json(ctx, 200, settings());
    }

    private void addUser(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        sandbox.addUser(new SandboxUser(text(b, "email"), text(b, "token"), text(b, "accountId"),
                text(b, "displayName")));
        ctx.status(204);
    }

    private void addSpace(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        String id = sandbox.addSpace(text(b, "key"), text(b, "name"));
        Http.json(ctx, 200, map("id", id, "key", text(b, "key"), "homepageId", sandbox.homepageId(text(b, "key"))));
    }

    private void createPage(Context ctx) {
        JsonNode b = Http.body(ctx, V1);
        String id = sandbox.createPage(text(b, "space"), b.hasNonNull("parentId") ? text(b, "parentId") : null,
                text(b, "title"), b.path("body").asText(""), text(b, "as"));
        Http.json(ctx, 200, map("id", id));
    }
}
