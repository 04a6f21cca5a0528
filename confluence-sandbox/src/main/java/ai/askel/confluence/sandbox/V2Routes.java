package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Confluence Cloud REST API v2 ({@code /wiki/api/v2}): registers every v2 route, answers spaces, a page's labels and
 * attachments and users, and holds the helpers the v2 handlers share. Pages are {@link V2PageRoutes} (reads) and
 * {@link V2PageWriteRoutes} (writes).
 */
final class V2Routes {

    static final String PREFIX = "/wiki/api/v2";
    /** The {@code maxItems} of {@code POST /users-bulk}'s {@code accountIds}. */
    static final int MAX_BULK_USERS = 250;
    private static final ApiError.Style V2 = ApiError.Style.V2;

    private final Store store;
    private final Supplier<String> site;
    private final V2PageRoutes pages;
    private final V2PageWriteRoutes pageWrites;

    V2Routes(Store store, Supplier<String> site) {
        this.store = store;
        this.site = site;
        this.pages = new V2PageRoutes(store, site);
        this.pageWrites = new V2PageWriteRoutes(store, site, pages);
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "/spaces", Http.locked(store, this::listSpaces));
        routes.get(PREFIX + "/spaces/{id}", Http.locked(store, this::getSpace));
        routes.get(PREFIX + "/spaces/{id}/pages", Http.locked(store, pages::listSpacePages));
        routes.get(PREFIX + "/pages", Http.locked(store, ctx -> pages.listPages(ctx, csv(ctx, "space-id"))));
        routes.post(PREFIX + "/pages", Http.locked(store, pageWrites::createPage));
        routes.get(PREFIX + "/pages/{id}", Http.locked(store, pages::getPage));
        routes.put(PREFIX + "/pages/{id}", Http.locked(store, pageWrites::updatePage));
        routes.delete(PREFIX + "/pages/{id}", Http.locked(store, pageWrites::trashPage));
        routes.get(PREFIX + "/pages/{id}/labels", Http.locked(store, this::labels));
        routes.get(PREFIX + "/pages/{id}/attachments", Http.locked(store, this::attachments));
        routes.get(PREFIX + "/pages/{id}/versions", Http.locked(store, pages::versions));
        routes.get(PREFIX + "/pages/{id}/direct-children", Http.locked(store, ctx -> pages.children(ctx, true)));
        routes.get(PREFIX + "/pages/{id}/children", Http.locked(store, ctx -> pages.children(ctx, false)));
        routes.get(PREFIX + "/pages/{id}/ancestors", Http.locked(store, pages::ancestors));
        routes.get(PREFIX + "/pages/{id}/operations", Http.locked(store, pages::operations));
        routes.post(PREFIX + "/users-bulk", Http.locked(store, this::usersBulk));
    }

    // ---- errors

    static ApiError notFound() {
        return ApiError.v2(404, "NOT_FOUND", "Not Found");
    }

    // ---- spaces

    private void listSpaces(Context ctx) {
        Set<String> keys = csv(ctx, "keys");
        Set<String> ids = csv(ctx, "ids");
        Set<String> statuses = csv(ctx, "status");
        List<Store.Space> visible = store.spaces().stream()
                .filter(s -> store.permission(s, Http.callerId(ctx)).canRead())
                .filter(s -> keys.isEmpty() || keys.contains(s.key))
                .filter(s -> ids.isEmpty() || ids.contains(String.valueOf(s.id)))
                .filter(s -> statuses.isEmpty() || statuses.contains("current"))
                .collect(Collectors.toList());
        Http.v2Collection(ctx, site.get(), visible, 25, this::space);
    }

    private void getSpace(Context ctx) {
        Store.Space space = store.space(Http.id(ctx, "id", V2))
                .filter(s -> store.permission(s, Http.callerId(ctx)).canRead())
                .orElseThrow(V2Routes::notFound);
        Map<String, Object> body = space(space);
        body.remove("currentActiveAlias");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) body.get("_links");
        links.put("base", site.get() + "/wiki");
        Http.json(ctx, 200, body);
    }

    private Map<String, Object> space(Store.Space s) {
        return map("id", String.valueOf(s.id), "key", s.key, "name", s.name, "type", "global", "status", "current",
                "authorId", s.authorId, "spaceOwnerId", s.authorId, "currentActiveAlias", s.key,
                "createdAt", Http.timestamp(s.createdAt), "homepageId", String.valueOf(s.homepageId),
                "_links", map("webui", "/spaces/" + s.key));
    }

    // ---- shapes the v2 handlers share

    static String webui(Store.Space space, long id, String title) {
        return "/spaces/" + space.key + "/pages/" + id + "/" + Http.encode(title).replace("%20", "+");
    }

    static Map<String, Object> version(Store.Version v) {
        return map("createdAt", Http.timestamp(v.createdAt()), "message", v.message(), "number", v.number(),
                "minorEdit", v.minorEdit(), "authorId", v.authorId());
    }

    static Map<String, Object> label(Store.Label l) {
        return map("id", l.id(), "name", l.name(), "prefix", l.prefix());
    }
    // ---- a page's labels and attachments

    private void labels(Context ctx) {
        Store.Page page = pages.visiblePage(ctx);
        String prefix = ctx.queryParam("prefix");
        List<Store.Label> labels = page.labels.values().stream()
                .filter(l -> prefix == null || l.prefix().equals(prefix)).collect(Collectors.toList());
        Http.v2Collection(ctx, site.get(), labels, 25, V2Routes::label);
    }

    private void attachments(Context ctx) {
        Store.Page page = pages.visiblePage(ctx);
        String filename = ctx.queryParam("filename");
        List<AttachmentStore.Attachment> list = page.attachments.stream()
                .filter(a -> filename == null || a.title.equals(filename)).collect(Collectors.toList());
        Store.Space space = store.space(page.spaceId).orElseThrow();
        Http.v2Collection(ctx, site.get(), list, 50, a -> attachment(space, a));
    }

    static Map<String, Object> attachment(Store.Space space, AttachmentStore.Attachment a) {
        AttachmentStore.AttachmentVersion v = a.latest();
        String download = "/download/attachments/" + a.pageId + "/" + Http.encode(a.title) + "?version=" + v.number()
                + "&api=v2";
        String webui = "/pages/viewpageattachments.action?pageId=" + a.pageId + "&preview=" + Http.encode(a.title);
        return map("id", "att" + a.id, "status", "current", "title", a.title, "createdAt",
                Http.timestamp(a.versions.get(0).createdAt()), "pageId", String.valueOf(a.pageId),
                "mediaType", a.mediaType, "comment", v.comment(), "fileId", "sandbox-file-" + a.id + "-" + v.number(),
                "fileSize", v.size(), "webuiLink", webui, "downloadLink", download,
                "version", map("createdAt", Http.timestamp(v.createdAt()), "message", v.comment(), "number",
                        v.number(), "minorEdit", v.minorEdit(), "authorId", v.authorId()),
                "_links", map("webui", webui, "download", download));
    }

    // ---- users

    /**
     * {@code POST /users-bulk}: the users with these account ids ({@code accountIds}, 1 to 250 as the spec bounds it); ids of
     * nobody are left out of {@code results}, as Confluence does.
     */
    private void usersBulk(Context ctx) {
        JsonNode ids = Http.body(ctx, V2).get("accountIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw Http.bad(V2, "accountIds is required: a list of 1 to " + MAX_BULK_USERS + " account ids");
        }
        if (ids.size() > MAX_BULK_USERS) {
            throw Http.bad(V2, "accountIds holds " + ids.size() + " account ids; at most " + MAX_BULK_USERS + " are allowed");
        }
        Set<String> asked = new java.util.LinkedHashSet<>();
        ids.forEach(id -> asked.add(id.asText()));
        List<Object> results = new ArrayList<>();
        for (String id : asked) {
            store.accountById(id).ifPresent(a -> results.add(map("accountId", a.accountId, "accountType", "atlassian",
                    "accountStatus", "active", "email", a.email, "publicName", a.displayName, "displayName", a.displayName,
                    "timeZone", "UTC", "isExternalCollaborator", false,
                    "profilePicture", map("path", "/wiki/aa-avatar/default.png", "isDefault", true))));
        }
        Http.json(ctx, 200, map("results", results, "_links", map("base", site.get() + "/wiki")));
    }

    // ---- helpers

    static Set<String> csv(Context ctx, String param) {
        return ctx.queryParams(param).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
