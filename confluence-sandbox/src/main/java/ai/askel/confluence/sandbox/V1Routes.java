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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Confluence Cloud REST API v1 ({@code /wiki/rest/api}): registers every v1 route and answers label writes, attachment
 * upload, the current user and the removed endpoints (410). CQL search is {@link V1SearchRoutes}; the v1 JSON shapes
 * are {@link V1Shapes}.
 */
final class V1Routes {

    static final String PREFIX = "/wiki/rest/api";
    private static final ApiError.Style V1 = ApiError.Style.V1;
    private static final String GONE =
            "com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed.";
    private static final String FORBIDDEN_LABEL_CHARACTERS = ":;,?&[]()#^*@!<>";
    private static final Set<String> PREFIXES = Set.of("global", "my", "team");

    private final Store store;
    private final LongSupplier maxAttachmentBytes;
    private final V1Shapes shapes;
    private final V1SearchRoutes search;

    V1Routes(Store store, Supplier<String> site, LongSupplier maxAttachmentBytes) {
        this.store = store;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.shapes = new V1Shapes(store, site);
        this.search = new V1SearchRoutes(store, shapes);
    }

    void register(RoutesConfig routes) {
        routes.get(PREFIX + "/content/search", Http.locked(store, search::search));
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

    private void currentUser(Context ctx) {
        Store.Account account = Http.caller(ctx);
        Http.json(ctx, 200, shapes.user(account, account == null ? null : account.accountId));
    }

    // ---- labels

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
        Http.json(ctx, 200, shapes.labelArray(page, store.addLabels(page, labels)));
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
                results.add(shapes.attachmentContent(page, attachment));
            }
        }
        Http.json(ctx, 200, map("results", results, "start", 0, "limit", results.size(), "size", results.size(),
                "_links", map("base", shapes.base(), "context", "/wiki")));
    }

    private static ApiError tooLarge(String filename, long max) {
        return ApiError.v1(404, "com.atlassian.confluence.api.service.exceptions.NotFoundException: "
                + "The attachment " + filename + " exceeds the maximum configured attachment size of " + max
                + " bytes");
    }

}
