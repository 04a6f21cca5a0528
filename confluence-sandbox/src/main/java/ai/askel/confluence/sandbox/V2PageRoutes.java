package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Confluence Cloud REST API v2 pages ({@code /wiki/api/v2/pages}, {@code /spaces/{id}/pages}): list, read, create,
 * update, trash, and the versions, children, ancestors and operations of a page. {@link V2Routes} registers these
 * handlers and answers the other v2 resources.
 */
final class V2PageRoutes {

    private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final int INCLUDED_LABELS = 50;
    private static final ApiError.Style V2 = ApiError.Style.V2;

    private final Store store;
    private final Supplier<String> site;
    private final StorageFormat storageFormat = new StorageFormat();

    V2PageRoutes(Store store, Supplier<String> site) {
        this.store = store;
        this.site = site;
    }

    void listSpacePages(Context ctx) {
        Store.Space space = store.space(Http.id(ctx, "id", V2))
                .filter(s -> store.permission(s, Http.callerId(ctx)).canRead())
                .orElseThrow(V2Routes::notFound);
        listPages(ctx, Set.of(String.valueOf(space.id)));
    }

    void listPages(Context ctx, Set<String> spaceIds) {
        Set<String> ids = V2Routes.csv(ctx, "id");
        Set<String> statuses = V2Routes.csv(ctx, "status");
        Set<String> wanted = statuses.isEmpty() ? Set.of("current", "archived") : statuses;
        String title = ctx.queryParam("title");
        String format = bodyFormat(ctx, Set.of("storage", "atlas_doc_format"));
        Comparator<Store.Page> order = sort(ctx.queryParam("sort"));
        List<Store.Page> found = store.pages().stream()
                .filter(p -> spaceIds.isEmpty() || spaceIds.contains(String.valueOf(p.spaceId)))
                .filter(p -> ids.isEmpty() || ids.contains(String.valueOf(p.id)))
                .filter(p -> wanted.contains("any") || wanted.contains(p.status))
                .filter(p -> title == null || p.title().equals(title))
                .filter(readable(ctx))
                .sorted(order)
                .collect(Collectors.toList());
        Http.v2Collection(ctx, site.get(), found, 25, p -> page(p, p.current(), format));
    }

    java.util.function.Predicate<Store.Page> readable(Context ctx) {
        String caller = Http.callerId(ctx);
        return p -> store.space(p.spaceId).map(s -> store.permission(s, caller).canRead()).orElse(false);
    }

    private static Comparator<Store.Page> sort(String sort) {
        if (sort == null || sort.equals("id")) {
            return Comparator.comparingLong(p -> p.id);
        }
        Comparator<Store.Page> key;
        switch (sort.replaceFirst("^-", "")) {
            case "id": key = Comparator.comparingLong(p -> p.id); break;
            case "title": key = Comparator.comparing(p -> p.title().toLowerCase(Locale.ROOT)); break;
            case "created-date": key = Comparator.comparing(p -> p.createdAt); break;
            case "modified-date": key = Comparator.comparing(p -> p.current().createdAt()); break;
            default: throw Http.bad(V2, "Invalid sort: " + sort);
        }
        return sort.startsWith("-") ? key.reversed() : key;
    }

    Store.Page visiblePage(Context ctx) {
        Store.Page page = store.page(Http.id(ctx, "id", V2)).orElseThrow(V2Routes::notFound);
        if (!readable(ctx).test(page)) {
            throw V2Routes.notFound();
        }
        return page;
    }

    void getPage(Context ctx) {
        Store.Page page = visiblePage(ctx);
        Set<String> statuses = V2Routes.csv(ctx, "status");
        Set<String> wanted = statuses.isEmpty() ? Set.of("current", "archived", "draft") : statuses;
        if (!wanted.contains(page.status) && !wanted.contains("any")) {
            throw V2Routes.notFound();
        }
        String format = bodyFormat(ctx, Set.of("storage", "atlas_doc_format", "view", "export_view",
                "anonymous_export_view", "styled_view", "editor"));
        Store.Version version = page.current();
        String requested = ctx.queryParam("version");
        if (requested != null) {
            int number;
            try {
                number = Integer.parseInt(requested);
            } catch (NumberFormatException e) {
                throw Http.bad(V2, "version must be a number: " + requested);
            }
            if (number < 1 || number > page.versions.size()) {
                throw V2Routes.notFound();
            }
            version = page.versions.get(number - 1);
        }
        Map<String, Object> body = page(page, version, format);
        if ("true".equalsIgnoreCase(ctx.queryParam("include-labels"))) {
            body.put("labels", includedLabels(page));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) body.get("_links");
        links.put("base", site.get() + "/wiki");
        Http.json(ctx, 200, body);
    }

    private Map<String, Object> includedLabels(Store.Page page) {
        List<Store.Label> labels = new ArrayList<>(page.labels.values());
        boolean more = labels.size() > INCLUDED_LABELS;
        Map<String, Object> meta = map("hasMore", more, "cursor", more ? Http.cursor(INCLUDED_LABELS) : null);
        return map("results", labels.stream().limit(INCLUDED_LABELS).map(V2Routes::label).collect(Collectors.toList()),
                "meta", meta, "_links", map("self", V2Routes.PREFIX + "/pages/" + page.id + "/labels"));
    }

    private Map<String, Object> page(Store.Page p, Store.Version v, String format) {
        Store.Space space = store.space(p.spaceId).orElseThrow();
        Map<String, Object> body = format == null ? map()
                : map(format, map("representation", format, "value", v.storage()));
        return map("id", String.valueOf(p.id), "status", p.status, "title", v.title(),
                "spaceId", String.valueOf(p.spaceId),
                "parentId", p.parentId == null ? null : String.valueOf(p.parentId),
                "parentType", p.parentId == null ? null : "page",
                "position", p.position, "authorId", p.authorId, "ownerId", p.authorId, "lastOwnerId", null,
                "createdAt", Http.timestamp(p.createdAt),
                "version", V2Routes.version(v), "body", body,
                "_links", map("editui", "/pages/resumedraft.action?draftId=" + p.id,
                        "webui", V2Routes.webui(space, p.id, v.title()), "tinyui", "/x/" + Long.toString(p.id, 36)));
    }


    private String bodyFormat(Context ctx, Set<String> allowed) {
        String format = ctx.queryParam("body-format");
        if (format == null) {
            return null;
        }
        if (!allowed.contains(format)) {
            throw Http.bad(V2, "Invalid body-format: " + format + " (allowed: " + String.join(", ", allowed) + ")");
        }
        if (format.equals("atlas_doc_format") || format.equals("editor")) {
            throw Http.bad(V2, "body-format " + format + " is not supported by the sandbox; use storage");
        }
        return format;
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
        Map<String, Object> body = page(page, page.current(), "storage");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) body.get("_links");
        links.put("base", site.get() + "/wiki");
        Http.json(ctx, 200, body);
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
        Store.Page page = visiblePage(ctx);
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
        Map<String, Object> body = page(page, page.current(), "storage");
        @SuppressWarnings("unchecked")
        Map<String, Object> links = (Map<String, Object>) body.get("_links");
        links.put("base", site.get() + "/wiki");
        Http.json(ctx, 200, body);
    }

    /** Moves a current page to the trash (204), as Confluence's DELETE without {@code purge} does. */
    void trashPage(Context ctx) {
        if ("true".equalsIgnoreCase(ctx.queryParam("purge"))) {
            throw Http.bad(V2, "purge is not supported by the sandbox; pages are only moved to the trash");
        }
        Store.Page page = visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow();
        if (!store.permission(space, Http.callerId(ctx)).canWrite() || !"current".equals(page.status)) {
            throw V2Routes.notFound();
        }
        store.trash(page);
        ctx.status(204);
    }

    void versions(Context ctx) {
        Store.Page page = visiblePage(ctx);
        String sort = ctx.queryParam("sort");
        List<Store.Version> versions = new ArrayList<>(page.versions);
        if (sort == null || sort.equals("-modified-date")) {
            versions.sort(Comparator.comparingInt(Store.Version::number).reversed());
        } else if (!sort.equals("modified-date")) {
            throw Http.bad(V2, "Invalid sort: " + sort);
        }
        Http.v2Collection(ctx, site.get(), versions, 25, v -> {
            Map<String, Object> out = V2Routes.version(v);
            out.put("page", map("id", String.valueOf(page.id), "title", v.title()));
            return out;
        });
    }

    void children(Context ctx, boolean direct) {
        Store.Page page = visiblePage(ctx);
        Http.v2Collection(ctx, site.get(), store.children(page.id), 25, c -> direct
                ? map("id", String.valueOf(c.id), "status", "current", "title", c.title(), "type", "page",
                        "spaceId", String.valueOf(c.spaceId), "childPosition", c.position)
                : map("id", String.valueOf(c.id), "status", "current", "title", c.title(),
                        "spaceId", String.valueOf(c.spaceId), "childPosition", c.position));
    }

    void ancestors(Context ctx) {
        Store.Page page = visiblePage(ctx);
        Http.v2Collection(ctx, site.get(), store.ancestors(page), 25,
                a -> map("id", String.valueOf(a.id), "type", "page"));
    }

    /**
     * What the caller may do with the page: read, and update and delete with WRITE on a current page's space when no
     * edit restriction on the page shuts the caller out.
     */
    void operations(Context ctx) {
        Store.Page page = visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow(V2Routes::notFound);
        List<Object> operations = new ArrayList<>();
        operations.add(map("operation", "read", "targetType", "page"));
        if (store.mayEdit(page, Http.callerId(ctx)) && "current".equals(page.status)) {
            operations.add(map("operation", "update", "targetType", "page"));
            operations.add(map("operation", "delete", "targetType", "page"));
        }
        Http.json(ctx, 200, map("operations", operations));
    }
}
