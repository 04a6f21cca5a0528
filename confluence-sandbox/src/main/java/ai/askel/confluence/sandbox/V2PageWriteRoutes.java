package ai.askel.confluence.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Confluence Cloud REST API v2 page writes: create ({@code POST /pages}), update and move ({@code PUT /pages/{id}}) and
 * trash ({@code DELETE /pages/{id}}), with Confluence's checks on titles, bodies, parents and versions. Pages are read
 * and shaped by {@link V2PageRoutes}; {@link V2Routes} registers these handlers.
 */
final class V2PageWriteRoutes {

    private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final ApiError.Style V2 = ApiError.Style.V2;

    private final Store store;
    private final Supplier<String> site;
    private final V2PageRoutes reads;
    private final StorageFormat storageFormat = new StorageFormat();

    V2PageWriteRoutes(Store store, Supplier<String> site, V2PageRoutes reads) {
        this.store = store;
        this.site = site;
        this.reads = reads;
    }

    void createPage(Context ctx) {
        if (ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw ApiError.v2(413, "REQUEST_ENTITY_TOO_LARGE", "Request is too large in size (over 5 MB)");
        }
        JsonNode req = Http.body(ctx, V2);
        String spaceId = V2Routes.text(req, "spaceId");
        if (spaceId == null) {
            throw Http.bad(V2, "spaceId is required");
        }
        Store.Space space;
        try {
            space = store.space(Long.parseLong(spaceId)).orElseThrow(V2Routes::notFound);
        } catch (NumberFormatException e) {
            throw Http.bad(V2, "spaceId must be a number: " + spaceId);
        }
        Permission permission = store.permission(space, Http.callerId(ctx));
        if (!permission.canWrite()) {
            throw V2Routes.notFound();
        }
        String status = req.hasNonNull("status") ? req.get("status").asText() : "current";
        if (!status.equals("current") && !status.equals("draft")) {
            throw Http.bad(V2, "status must be current or draft: " + status);
        }
        String title = checkedTitle(V2Routes.text(req, "title"), status);
        String storage = storage(req.get("body"));
        boolean rootLevel = "true".equalsIgnoreCase(ctx.queryParam("root-level"));
        Long parentId = parent(req, space);
        if (rootLevel && parentId != null) {
            throw Http.bad(V2, "parentId may not be supplied when root-level is true");
        }
        Store.Page page;
        try {
            page = store.createPage(space, title, parentId, rootLevel, storage, Http.callerId(ctx), status);
        } catch (Store.DuplicateTitle e) {
            throw Http.bad(V2, e.getMessage());
        }
        answerPage(ctx, page);
    }

    private Long parent(JsonNode req, Store.Space space) {
        String parentId = V2Routes.text(req, "parentId");
        if (parentId == null) {
            return null;
        }
        try {
            long id = Long.parseLong(parentId);
            Store.Page parent = store.page(id).filter(p -> "current".equals(p.status))
                    .orElseThrow(V2Routes::notFound);
            if (parent.spaceId != space.id) {
                throw Http.bad(V2, "The parent page " + parentId + " is not in space " + space.key);
            }
            return id;
        } catch (NumberFormatException e) {
            throw Http.bad(V2, "parentId must be a number: " + parentId);
        }
    }

    private static String checkedTitle(String title, String status) {
        if (title == null || title.isBlank()) {
            if (status.equals("draft")) {
                return "";
            }
            throw Http.bad(V2, "Title is required when the page status is not draft");
        }
        if (title.length() > Store.MAX_TITLE) {
            throw Http.bad(V2, "Title must be at most " + Store.MAX_TITLE + " characters, was " + title.length());
        }
        return title;
    }

    /** Reads {@code {"representation":…,"value":…}} or the nested {@code {"storage":{…}}} form into storage XHTML. */
    String storage(JsonNode body) {
        if (body == null || body.isNull()) {
            return "";
        }
        JsonNode flat = body;
        if (!body.has("representation")) {
            List<String> keys = new ArrayList<>();
            body.fieldNames().forEachRemaining(keys::add);
            if (keys.size() != 1) {
                throw Http.bad(V2, "body must have a representation and a value");
            }
            flat = body.get(keys.get(0));
        }
        String representation = V2Routes.text(flat, "representation");
        String value = flat.hasNonNull("value") ? flat.get("value").asText() : "";
        if (representation == null) {
            throw Http.bad(V2, "body.representation is required (storage, atlas_doc_format or wiki)");
        }
        switch (representation) {
            case "storage":
                storageFormat.problem(value).ifPresent(problem -> {
                    throw Http.bad(V2, "Error parsing xhtml: " + problem);
                });
                return value;
            case "wiki":
                return WikiMarkup.toStorage(value);
            case "atlas_doc_format":
                throw Http.bad(V2, "body representation atlas_doc_format is not supported by the sandbox");
            default:
                throw Http.bad(V2, "Invalid body representation: " + representation
                        + " (allowed: storage, atlas_doc_format, wiki)");
        }
    }

    void updatePage(Context ctx) {
        if (ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw ApiError.v2(413, "REQUEST_ENTITY_TOO_LARGE", "Request is too large in size (over 5 MB)");
        }
        Store.Page page = reads.visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow();
        if (!store.permission(space, Http.callerId(ctx)).canWrite()) {
            throw V2Routes.notFound();
        }
        if (!store.mayEdit(page, Http.callerId(ctx))) {
            throw ApiError.v2(403, "FORBIDDEN", "You do not have permission to edit this page: it has edit restrictions");
        }
        JsonNode req = Http.body(ctx, V2);
        for (String field : List.of("id", "status", "title", "body", "version")) {
            if (!req.hasNonNull(field)) {
                throw Http.bad(V2, field + " is required");
            }
        }
        if (!V2Routes.text(req, "id").equals(String.valueOf(page.id))) {
            throw Http.bad(V2, "The id in the body (" + V2Routes.text(req, "id") + ") does not match the path (" + page.id + ")");
        }
        String spaceId = V2Routes.text(req, "spaceId");
        if (spaceId != null && !spaceId.equals(String.valueOf(page.spaceId))) {
            throw Http.bad(V2, "Updating a page does not support moving it to a different space");
        }
        String status = V2Routes.text(req, "status");
        if (!Set.of("current", "draft", "archived").contains(status)) {
            throw Http.bad(V2, "Invalid status: " + status);
        }
        String title = checkedTitle(V2Routes.text(req, "title"), status);
        String storage = storage(req.get("body"));
        JsonNode version = req.get("version");
        if (!version.hasNonNull("number") || !version.get("number").canConvertToInt()) {
            throw Http.bad(V2, "version.number is required");
        }
        int provided = version.get("number").asInt();
        Long newParent = parent(req, space);
        int current = page.current().number();
        if (provided != current + 1) {
            throw ApiError.v2(409, "CONFLICT", "Version must be incremented when updating a page. Current Version: ["
                    + current + "]. Provided version: [" + provided + "]");
        }
        try {
            if ("current".equals(status)) {
                store.requireUniqueTitle(space, title, page.id);
            }
            if (newParent != null && !newParent.equals(page.parentId)) {
                try {
                    store.move(page, newParent);
                } catch (IllegalStateException e) {
                    throw Http.bad(V2, "A page cannot be moved under itself or its descendants");
                }
            }
            store.update(page, title, storage, Http.callerId(ctx), V2Routes.text(version, "message"),
                    version.path("minorEdit").asBoolean(false), status);
        } catch (Store.DuplicateTitle e) {
            throw Http.bad(V2, e.getMessage());
        }
        answerPage(ctx, page);
    }

    /** Moves a current page to the trash (204), as Confluence's DELETE without {@code purge} does. */
    void trashPage(Context ctx) {
        if ("true".equalsIgnoreCase(ctx.queryParam("purge"))) {
            throw Http.bad(V2, "purge is not supported by the sandbox; pages are only moved to the trash");
        }
        Store.Page page = reads.visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow();
        if (!store.permission(space, Http.callerId(ctx)).canWrite() || !"current".equals(page.status)) {
            throw V2Routes.notFound();
        }
        store.trash(page);
        ctx.status(204);
    }

    /** Answers the page as written, with its storage body and the site's base link, as Confluence answers a create or an update. */
    private void answerPage(Context ctx, Store.Page page) {
        Map<String, Object> body = reads.page(page, page.current(), "storage");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) body.get("_links");
        links.put("base", site.get() + "/wiki");
        Http.json(ctx, 200, body);
    }
}
