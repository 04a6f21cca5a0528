package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

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
 * Confluence Cloud REST API v2 page reads ({@code /wiki/api/v2/pages}, {@code /spaces/{id}/pages}): list, read, and the
 * versions, children, ancestors and operations of a page, plus the page shape and the visibility rule the writes
 * ({@link V2PageWriteRoutes}) share. {@link V2Routes} registers these handlers and answers the other v2 resources.
 */
final class V2PageRoutes {

    private static final int INCLUDED_LABELS = 50;
    private static final ApiError.Style V2 = ApiError.Style.V2;

    private final Store store;
    private final Supplier<String> site;

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

    Map<String, Object> page(Store.Page p, Store.Version v, String format) {
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
