package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Confluence Cloud REST API v2 ({@code /wiki/api/v2}): spaces and pages. */
final class V2Routes {

    static final String PREFIX = "/wiki/api/v2";
    /** The {@code maxItems} of {@code POST /users-bulk}'s {@code accountIds}. */
    static final int MAX_BULK_USERS = 250;
    private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final int INCLUDED_LABELS = 50;
    private static final ApiError.Style V2 = ApiError.Style.V2;

    private final Store store;
    private final Supplier<String> site;
    private final StorageFormat storageFormat = new StorageFormat();

    V2Routes(Store store, Supplier<String> site) {
        this.store = store;
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "/spaces", Http.locked(store, this::listSpaces));
        routes.get(PREFIX + "/spaces/{id}", Http.locked(store, this::getSpace));
        routes.get(PREFIX + "/spaces/{id}/pages", Http.locked(store, this::listSpacePages));
        routes.get(PREFIX + "/pages", Http.locked(store, ctx -> listPages(ctx, csv(ctx, "space-id"))));
        routes.post(PREFIX + "/pages", Http.locked(store, this::createPage));
        routes.get(PREFIX + "/pages/{id}", Http.locked(store, this::getPage));
        routes.put(PREFIX + "/pages/{id}", Http.locked(store, this::updatePage));
        routes.delete(PREFIX + "/pages/{id}", Http.locked(store, this::trashPage));
        routes.get(PREFIX + "/pages/{id}/labels", Http.locked(store, this::labels));
        routes.get(PREFIX + "/pages/{id}/attachments", Http.locked(store, this::attachments));
        routes.get(PREFIX + "/pages/{id}/versions", Http.locked(store, this::versions));
        routes.get(PREFIX + "/pages/{id}/direct-children", Http.locked(store, ctx -> children(ctx, true)));
        routes.get(PREFIX + "/pages/{id}/children", Http.locked(store, ctx -> children(ctx, false)));
        routes.get(PREFIX + "/pages/{id}/ancestors", Http.locked(store, this::ancestors));
        routes.get(PREFIX + "/pages/{id}/operations", Http.locked(store, this::operations));
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

    // ---- pages

    private void listSpacePages(Context ctx) {
        Store.Space space = store.space(Http.id(ctx, "id", V2))
                .filter(s -> store.permission(s, Http.callerId(ctx)).canRead())
                .orElseThrow(V2Routes::notFound);
        listPages(ctx, Set.of(String.valueOf(space.id)));
    }

    private void listPages(Context ctx, Set<String> spaceIds) {
        Set<String> ids = csv(ctx, "id");
        Set<String> statuses = csv(ctx, "status");
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

    private java.util.function.Predicate<Store.Page> readable(Context ctx) {
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

    private Store.Page visiblePage(Context ctx) {
        Store.Page page = store.page(Http.id(ctx, "id", V2)).orElseThrow(V2Routes::notFound);
        if (!readable(ctx).test(page)) {
            throw notFound();
        }
        return page;
    }

    private void getPage(Context ctx) {
        Store.Page page = visiblePage(ctx);
        Set<String> statuses = csv(ctx, "status");
        Set<String> wanted = statuses.isEmpty() ? Set.of("current", "archived", "draft") : statuses;
        if (!wanted.contains(page.status) && !wanted.contains("any")) {
            throw notFound();
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
                throw notFound();
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
                "meta", meta, "_links", map("self", PREFIX + "/pages/" + page.id + "/labels"));
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
                "version", version(v), "body", body,
                "_links", map("editui", "/pages/resumedraft.action?draftId=" + p.id,
                        "webui", webui(space, p.id, v.title()), "tinyui", "/x/" + Long.toString(p.id, 36)));
    }

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

    private void createPage(Context ctx) {
        if (ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw ApiError.v2(413, "REQUEST_ENTITY_TOO_LARGE", "Request is too large in size (over 5 MB)");
        }
        JsonNode req = Http.body(ctx, V2);
        String spaceId = text(req, "spaceId");
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
            throw notFound();
        }
        String status = req.hasNonNull("status") ? req.get("status").asText() : "current";
        if (!status.equals("current") && !status.equals("draft")) {
            throw Http.bad(V2, "status must be current or draft: " + status);
        }
        String title = checkedTitle(text(req, "title"), status);
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
        String parentId = text(req, "parentId");
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
        String representation = text(flat, "representation");
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

    private void updatePage(Context ctx) {
        if (ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            throw ApiError.v2(413, "REQUEST_ENTITY_TOO_LARGE", "Request is too large in size (over 5 MB)");
        }
        Store.Page page = visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow();
        if (!store.permission(space, Http.callerId(ctx)).canWrite()) {
            throw notFound();
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
        if (!text(req, "id").equals(String.valueOf(page.id))) {
            throw Http.bad(V2, "The id in the body (" + text(req, "id") + ") does not match the path (" + page.id + ")");
        }
        String spaceId = text(req, "spaceId");
        if (spaceId != null && !spaceId.equals(String.valueOf(page.spaceId))) {
            throw Http.bad(V2, "Updating a page does not support moving it to a different space");
        }
        String status = text(req, "status");
        if (!Set.of("current", "draft", "archived").contains(status)) {
            throw Http.bad(V2, "Invalid status: " + status);
        }
        String title = checkedTitle(text(req, "title"), status);
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
            store.update(page, title, storage, Http.callerId(ctx), text(version, "message"),
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
    private void trashPage(Context ctx) {
        if ("true".equalsIgnoreCase(ctx.queryParam("purge"))) {
            throw Http.bad(V2, "purge is not supported by the sandbox; pages are only moved to the trash");
        }
        Store.Page page = visiblePage(ctx);
        Store.Space space = store.space(page.spaceId).orElseThrow();
        if (!store.permission(space, Http.callerId(ctx)).canWrite() || !"current".equals(page.status)) {
            throw notFound();
        }
        store.trash(page);
        ctx.status(204);
    }

    // ---- page sub-resources

    private void labels(Context ctx) {
        Store.Page page = visiblePage(ctx);
        String prefix = ctx.queryParam("prefix");
        List<Store.Label> labels = page.labels.values().stream()
                .filter(l -> prefix == null || l.prefix().equals(prefix)).collect(Collectors.toList());
        Http.v2Collection(ctx, site.get(), labels, 25, V2Routes::label);
    }

    private void attachments(Context ctx) {
        Store.Page page = visiblePage(ctx);
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

    private void versions(Context ctx) {
        Store.Page page = visiblePage(ctx);
        String sort = ctx.queryParam("sort");
        List<Store.Version> versions = new ArrayList<>(page.versions);
        if (sort == null || sort.equals("-modified-date")) {
            versions.sort(Comparator.comparingInt(Store.Version::number).reversed());
        } else if (!sort.equals("modified-date")) {
            throw Http.bad(V2, "Invalid sort: " + sort);
        }
        Http.v2Collection(ctx, site.get(), versions, 25, v -> {
            Map<String, Object> out = version(v);
            out.put("page", map("id", String.valueOf(page.id), "title", v.title()));
            return out;
        });
    }

    private void children(Context ctx, boolean direct) {
        Store.Page page = visiblePage(ctx);
        Http.v2Collection(ctx, site.get(), store.children(page.id), 25, c -> direct
                ? map("id", String.valueOf(c.id), "status", "current", "title", c.title(), "type", "page",
                        "spaceId", String.valueOf(c.spaceId), "childPosition", c.position)
                : map("id", String.valueOf(c.id), "status", "current", "title", c.title(),
                        "spaceId", String.valueOf(c.spaceId), "childPosition", c.position));
    }

    private void ancestors(Context ctx) {
        Store.Page page = visiblePage(ctx);
        Http.v2Collection(ctx, site.get(), store.ancestors(page), 25,
                a -> map("id", String.valueOf(a.id), "type", "page"));
    }

    /**
     * What the caller may do with the page: read, and update and delete with WRITE on a current page's space when no
     * edit restriction on the page shuts the caller out.
     */
    private void operations(Context ctx) {
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

    private static Set<String> csv(Context ctx, String param) {
        return ctx.queryParams(param).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
