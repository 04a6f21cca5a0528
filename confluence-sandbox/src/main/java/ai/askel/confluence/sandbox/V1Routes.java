package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Confluence Cloud REST API v1 ({@code /wiki/rest/api}): CQL search, label writes, attachment upload, current user. */
final class V1Routes {

    static final String PREFIX = "/wiki/rest/api";
    private static final ApiError.Style V1 = ApiError.Style.V1;
    private static final String GONE =
            "com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.";
    private static final String FORBIDDEN_LABEL_CHARACTERS = ":;,?&[]()#^*@!<>";
    private static final Set<String> PREFIXES = Set.of("global", "my", "team");
    private static final int LABEL_LIMIT = 200;

    private final Store store;
    private final Supplier<String> site;
    private final LongSupplier maxAttachmentBytes;

    V1Routes(Store store, Supplier<String> site, LongSupplier maxAttachmentBytes) {
        this.store = store;
        this.site = site;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "/content/search", Http.locked(store, this::search));
        routes.post(PREFIX + "/content/{id}/label", Http.locked(store, this::addLabels));
        routes.delete(PREFIX + "/content/{id}/label", Http.locked(store, this::removeLabelByQuery));
        routes.delete(PREFIX + "/content/{id}/label/<label>", Http.locked(store, this::removeLabelByPath));
        routes.put(PREFIX + "/content/{id}/child/attachment", ctx -> upload(ctx, true));
        routes.post(PREFIX + "/content/{id}/child/attachment", ctx -> upload(ctx, false));
        routes.get(PREFIX + "/user/current", Http.locked(store, this::currentUser));
        gone(routes, HandlerType.GET, "/content");
        gone(routes, HandlerType.POST, "/content");
        gone(routes, HandlerType.GET, "/content/{id}");
        gone(routes, HandlerType.PUT, "/content/{id}");
        gone(routes, HandlerType.DELETE, "/content/{id}");
        gone(routes, HandlerType.GET, "/content/{id}/label");
        gone(routes, HandlerType.GET, "/content/{id}/child/attachment");
        gone(routes, HandlerType.GET, "/content/{id}/version");
        gone(routes, HandlerType.GET, "/space");
        gone(routes, HandlerType.GET, "/space/{spaceKey}");
        gone(routes, HandlerType.POST, "/contentbody/convert/{to}");
    }

    private static void gone(RoutesConfig routes, HandlerType method, String path) {
        routes.addHttpHandler(method, PREFIX + path, ctx -> {
            throw ApiError.v1(410, GONE);
        });
    }

    private String base() {
        return site.get() + "/wiki";
    }

    // ---- search

    private void search(Context ctx) {
        String cql = ctx.queryParam("cql");
        if (cql == null || cql.isBlank()) {
            throw Http.bad(V1, "CQL query parameter is required but was missing");
        }
        Cql.Query query;
        try {
            query = Cql.parse(cql, store.now());
        } catch (Cql.CqlException e) {
            throw Http.bad(V1, "Could not parse cql : " + cql + " : " + e.getMessage());
        }
        int limit = clampedLimit(ctx);
        int offset = Http.offset(ctx, V1);
        Set<String> expand = expand(ctx);
        String caller = Http.callerId(ctx);
        Set<String> readableSpaces = store.spaces().stream().filter(s -> store.permission(s, caller).canRead())
                .map(s -> s.key).collect(Collectors.toSet());
        List<Cql.Doc> hits = store.searchable().stream()
                .filter(d -> readableSpaces.contains(d.spaceKey()))
                .filter(query::matches)
                .sorted(query.order())
                .collect(Collectors.toList());
        List<Object> results = new ArrayList<>();
        for (int i = offset; i < Math.min(hits.size(), offset + limit); i++) {
            store.page(hits.get(i).id()).ifPresent(p -> results.add(content(p, expand)));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", base());
        links.put("context", "/wiki");
        String path = ctx.path().substring("/wiki".length());
        if (offset + limit < hits.size()) {
            links.put("next", path + "?" + Http.queryWithCursor(ctx, Http.cursor(offset + limit)));
        }
        if (offset > 0) {
            links.put("prev", path + "?" + Http.queryWithCursor(ctx, Http.cursor(Math.max(0, offset - limit))));
        }
        links.put("self", base() + path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        Http.json(ctx, 200, map("results", results, "start", offset, "limit", limit, "size", results.size(),
                "_links", links));
    }

    /** How many children an expansion carries inline (Confluence's default page size for expansions). */
    static final int EXPANDED_CHILDREN = 25;

    private static int clampedLimit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return 25;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1) {
                throw Http.bad(V1, "limit must be positive: " + raw);
            }
            return Math.min(limit, 250);
        } catch (NumberFormatException e) {
            throw Http.bad(V1, "limit must be a number: " + raw);
        }
    }

    private static Set<String> expand(Context ctx) {
        return ctx.queryParams("expand").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    Map<String, Object> content(Store.Page p, Set<String> expand) {
        Store.Space space = store.space(p.spaceId).orElseThrow();
        Map<String, Object> out = map("id", String.valueOf(p.id), "type", "page", "status", p.status,
                "title", p.title());
        Map<String, Object> expandable = new LinkedHashMap<>();
        if (expand.contains("space")) {
            out.put("space", space(space));
        } else {
            expandable.put("space", "/rest/api/space/" + space.key);
        }
        if (expand.contains("version")) {
            out.put("version", version(p.id, p.current().number(), p.current().authorId(), p.current().createdAt(),
                    p.current().message(), p.current().minorEdit()));
        } else {
            expandable.put("version", "");
        }
        if (expand.contains("metadata.labels") || expand.contains("metadata")) {
            out.put("metadata", map("labels", labelArray(p, new ArrayList<>(p.labels.values()))));
        } else {
            expandable.put("metadata", "");
        }
        if (expand.contains("body.storage") || expand.contains("body")) {
            out.put("body", map("storage", map("value", p.current().storage(), "representation", "storage",
                    "_expandable", map("content", "/rest/api/content/" + p.id))));
        } else {
            expandable.put("body", "");
        }
        if (expand.contains("ancestors")) {
            out.put("ancestors", store.ancestors(p).stream()
                    .map(a -> map("id", String.valueOf(a.id), "type", "page", "status", a.status, "title", a.title()))
                    .collect(Collectors.toList()));
        } else {
            expandable.put("ancestors", "");
        }
        if (expand.contains("children.attachment") || expand.contains("children.attachment.version")) {
            out.put("children", children(p));
        } else {
            expandable.put("children", "/rest/api/content/" + p.id + "/child");
        }
        expandable.put("history", "/rest/api/content/" + p.id + "/history");
        out.put("_expandable", expandable);
        out.put("_links", map("webui", V2Routes.webui(space, p.id, p.title()),
                "edit", "/pages/resumedraft.action?draftId=" + p.id, "tinyui", "/x/" + Long.toString(p.id, 36),
                "self", base() + "/rest/api/content/" + p.id));
        return out;
    }

    private Map<String, Object> space(Store.Space s) {
        return map("id", s.id, "key", s.key, "name", s.name, "type", "global", "status", "current",
                "_expandable", map("settings", "/rest/api/space/" + s.key + "/settings", "metadata", "",
                        "operations", "", "lookAndFeel", "", "identifiers", "", "permissions", "", "icon", "",
                        "description", "", "theme", "", "history", "",
                        "homepage", "/rest/api/content/" + s.homepageId),
                "_links", map("webui", "/spaces/" + s.key, "self", base() + "/rest/api/space/" + s.key));
    }

    private Map<String, Object> version(long contentId, int number, String authorId, java.time.Instant when,
                                        String message, boolean minorEdit) {
        return map("by", user(store.accountById(authorId).orElse(null), authorId), "when", Http.timestamp(when),
                "message", message, "number", number, "minorEdit", minorEdit,
                "_expandable", map("content", "/rest/api/content/" + contentId, "collaborators", ""),
                "_links", map("self", base() + "/rest/api/content/" + contentId + "/version/" + number));
    }

    /** The v1 user shape; {@code account} null with a null {@code accountId} is the anonymous user. */
    Map<String, Object> user(Store.Account account, String accountId) {
        Map<String, Object> picture = map("path", "/wiki/aa-avatar/default.png", "width", 48, "height", 48,
                "isDefault", true);
        if (account == null && accountId == null) {
            return map("type", "anonymous", "profilePicture", picture, "displayName", "Anonymous",
                    "isExternalCollaborator", false, "isGuest", false,
                    "_expandable", map("operations", "", "personalSpace", ""),
                    "_links", map("self", base() + "/rest/api/user/anonymous", "base", base(), "context", "/wiki"));
        }
        if (account == null) {
            return map("type", "unknown", "accountId", accountId, "accountType", "atlassian",
                    "profilePicture", picture, "displayName", "Unknown user", "publicName", "Unknown user",
                    "_expandable", map("operations", "", "personalSpace", ""),
                    "_links", map("self", base() + "/rest/api/user?accountId=" + accountId));
        }
        return map("type", "known", "accountId", account.accountId, "accountType", "atlassian",
                "email", account.email, "publicName", account.displayName, "profilePicture", picture,
                "displayName", account.displayName, "timeZone", "UTC", "isExternalCollaborator", false,
                "isGuest", false, "_expandable", map("operations", "", "personalSpace", ""),
                "_links", map("self", base() + "/rest/api/user?accountId=" + account.accountId,
                        "base", base(), "context", "/wiki"));
    }

    private void currentUser(Context ctx) {
        Store.Account account = Http.caller(ctx);
        Http.json(ctx, 200, user(account, account == null ? null : account.accountId));
    }

    // ---- labels

    private Map<String, Object> labelArray(Store.Page page, List<Store.Label> labels) {
        List<Object> results = labels.stream().limit(LABEL_LIMIT)
                .map(l -> map("prefix", l.prefix(), "name", l.name(), "id", l.id(), "label", l.name()))
                .collect(Collectors.toList());
        return map("results", results, "start", 0, "limit", LABEL_LIMIT, "size", results.size(),
                "_links", map("self", base() + "/rest/api/content/" + page.id + "/label"));
    }

    /** The page behind a v1 write: 404 when missing or invisible, 403 when the caller may only read. */
    private Store.Page writablePage(Context ctx) {
        Store.Page page = store.page(Http.id(ctx, "id", V1)).filter(p -> !"trashed".equals(p.status))
                .orElseThrow(() -> notFound(ctx.pathParam("id")));
        Store.Space space = store.space(page.spaceId).orElseThrow();
        Permission permission = store.permission(space, Http.callerId(ctx));
        if (!permission.canRead()) {
            throw notFound(ctx.pathParam("id"));
        }
        if (!permission.canWrite()) {
            throw ApiError.v1(403, "com.atlassian.confluence.api.service.exceptions.PermissionException: "
                    + "User not permitted to edit content with id " + page.id);
        }
        return page;
    }

    private static ApiError notFound(String id) {
        return ApiError.v1(404, "com.atlassian.confluence.api.service.exceptions.NotFoundException: "
                + "No content found with id: ContentId{id=" + id + "}");
    }

    private void addLabels(Context ctx) {
        Store.Page page = writablePage(ctx);
        JsonNode body = Http.body(ctx, V1);
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw Http.bad(V1, "The body must be a label or an array of labels");
        }
        if (items.isEmpty()) {
            throw Http.bad(V1, "The body contains no labels");
        }
        List<String[]> labels = new ArrayList<>();
        for (JsonNode item : items) {
            String prefix = item.hasNonNull("prefix") ? item.get("prefix").asText() : "global";
            String name = item.hasNonNull("name") ? item.get("name").asText() : null;
            labels.add(new String[] {checkedPrefix(prefix), checkedLabel(name)});
        }
        Http.json(ctx, 200, labelArray(page, store.addLabels(page, labels)));
    }

    private static String checkedPrefix(String prefix) {
        if (!PREFIXES.contains(prefix)) {
            throw Http.bad(V1, "Invalid label prefix '" + prefix + "' (allowed: global, my, team)");
        }
        return prefix;
    }

    static String checkedLabel(String name) {
        if (name == null || name.isBlank()) {
            throw Http.bad(V1, "A label name is required");
        }
        if (name.length() > 255) {
            throw Http.bad(V1, "Label '" + name.substring(0, 20) + "…' has too many characters (max 255)");
        }
        for (char c : name.toCharArray()) {
            if (Character.isWhitespace(c) || FORBIDDEN_LABEL_CHARACTERS.indexOf(c) >= 0) {
                throw Http.bad(V1, "Label '" + name + "' contains an invalid character '" + c + "'");
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private void removeLabelByQuery(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw Http.bad(V1, "The query parameter 'name' is required");
        }
        removeLabel(ctx, name);
    }

    private void removeLabelByPath(Context ctx) {
        String name = ctx.pathParam("label");
        if (name.contains("/")) {
            throw Http.bad(V1, "Label name '" + name + "' contains '/': use DELETE /wiki/rest/api/content/"
                    + ctx.pathParam("id") + "/label?name=… instead");
        }
        removeLabel(ctx, name);
    }

    private void removeLabel(Context ctx, String name) {
        Store.Page page = writablePage(ctx);
        if (!store.removeLabel(page, name)) {
            throw ApiError.v1(404, "com.atlassian.confluence.api.service.exceptions.NotFoundException: Label '"
                    + name + "' not found on content " + page.id);
        }
        ctx.status(204);
    }

    // ---- attachments

    private void upload(Context ctx, boolean createOrUpdate) throws IOException {
        String token = ctx.header("X-Atlassian-Token");
        if (token == null || !(token.equalsIgnoreCase("nocheck") || token.equalsIgnoreCase("no-check"))) {
            ctx.status(403).contentType("text/plain").result("XSRF check failed");
            return;
        }
        Store.Page page = writablePage(ctx);
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw Http.bad(V1, "The request must be multipart/form-data with a 'file' part");
        }
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.isEmpty()) {
            throw Http.bad(V1, "The multipart request has no 'file' part");
        }
        List<String> comments = ctx.formParams("comment");
        if (!comments.isEmpty() && comments.size() != files.size()) {
            throw Http.bad(V1, "Every file must have a comment when comments are given: " + files.size()
                    + " files, " + comments.size() + " comments");
        }
        boolean minorEdit = "true".equalsIgnoreCase(ctx.formParam("minorEdit"));
        long max = maxAttachmentBytes.getAsLong();
        if (!createOrUpdate) {
            for (UploadedFile file : files) {
                if (store.attachmentNamed(page, file.filename()).isPresent()) {
                    throw Http.bad(V1, "Cannot add a new attachment with same file name as an existing attachment: "
                            + file.filename());
                }
            }
        }
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            if (file.filename() == null || file.filename().isBlank()) {
                throw Http.bad(V1, "The 'file' part has no file name");
            }
            if (file.size() > max) {
                throw tooLarge(file.filename(), max);
            }
            Path spooled;
            try {
                spooled = store.spool(file.content(), max);
            } catch (AttachmentStore.TooLarge e) {
                throw tooLarge(file.filename(), max);
            }
            String mediaType = file.contentType() == null ? "application/octet-stream" : file.contentType();
            AttachmentStore.Attachment attachment;
            try {
                attachment = store.putAttachment(page, file.filename(), mediaType, spooled,
                        comments.isEmpty() ? "" : comments.get(i), minorEdit, Http.callerId(ctx), !createOrUpdate);
            } catch (AttachmentStore.NameTaken e) {
                Files.deleteIfExists(spooled);
                throw Http.bad(V1, "Cannot add a new attachment with same file name as an existing attachment: " + file.filename());
            } catch (RuntimeException e) {
                Files.deleteIfExists(spooled);
                throw e;
            }
            synchronized (store) {
                results.add(attachmentContent(page, attachment));
            }
        }
        Http.json(ctx, 200, map("results", results, "start", 0, "limit", results.size(), "size", results.size(),
                "_links", map("base", base(), "context", "/wiki")));
    }

    private static ApiError tooLarge(String filename, long max) {
        return ApiError.v1(404, "com.atlassian.confluence.api.service.exceptions.NotFoundException: "
                + "The attachment " + filename + " exceeds the maximum configured attachment size of " + max
                + " bytes");
    }

    /**
     * The {@code children.attachment} expansion: like Confluence, at most {@link #EXPANDED_CHILDREN} attachments
     * inline, with a {@code next} link to the rest.
     */
    private Map<String, Object> children(Store.Page p) {
        List<AttachmentStore.Attachment> all = store.attachments(p);
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < Math.min(all.size(), EXPANDED_CHILDREN); i++) {
            results.add(attachmentContent(p, all.get(i)));
        }
        String self = "/rest/api/content/" + p.id + "/child/attachment";
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", base() + self);
        if (all.size() > EXPANDED_CHILDREN) {
            links.put("next", self + "?limit=" + EXPANDED_CHILDREN + "&start=" + EXPANDED_CHILDREN);
        }
        return map("attachment", map("results", results, "start", 0, "limit", EXPANDED_CHILDREN, "size", results.size(),
                "_links", links), "_expandable", map("page", "/rest/api/content/" + p.id + "/child/page",
                "comment", "/rest/api/content/" + p.id + "/child/comment"),
                "_links", map("self", base() + "/rest/api/content/" + p.id + "/child"));
    }

    Map<String, Object> attachmentContent(Store.Page page, AttachmentStore.Attachment a) {
        AttachmentStore.AttachmentVersion v = a.latest();
        Store.Space space = store.space(page.spaceId).orElseThrow();
        Map<String, Object> v2 = V2Routes.attachment(space, a);
        return map("id", "att" + a.id, "type", "attachment", "status", "current", "title", a.title,
                "version", version(a.id, v.number(), v.authorId(), v.createdAt(), v.comment(), v.minorEdit()),
                "metadata", map("mediaType", a.mediaType, "comment", v.comment()),
                "extensions", map("mediaType", a.mediaType, "fileSize", v.size(), "comment", v.comment()),
                "_expandable", map("container", "/rest/api/content/" + page.id, "space",
                        "/rest/api/space/" + space.key, "history", "/rest/api/content/att" + a.id + "/history"),
                "_links", map("webui", v2.get("webuiLink"), "download", v2.get("downloadLink"),
                        "self", base() + "/rest/api/content/att" + a.id));
    }
}
