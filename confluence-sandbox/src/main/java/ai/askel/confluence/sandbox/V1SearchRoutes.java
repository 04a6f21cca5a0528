package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /wiki/rest/api/content/search}: CQL over the search index as it is now (it may lag behind writes), only in
 * spaces the caller may read, paged with {@code start}/{@code limit} and v1 {@code _links}, with the {@code expand}ed
 * content shapes of {@link V1Shapes}. {@link V1Routes} registers it.
 */
final class V1SearchRoutes {

    private static final ApiError.Style V1 = ApiError.Style.V1;

    private final Store store;
    private final V1Shapes shapes;

    V1SearchRoutes(Store store, V1Shapes shapes) {
        this.store = store;
        this.shapes = shapes;
    }

    void search(Context ctx) {
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
            store.page(hits.get(i).id()).ifPresent(p -> results.add(shapes.content(p, expand)));
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("base", shapes.base());
        links.put("context", "/wiki");
        String path = ctx.path().substring("/wiki".length());
        if (offset + limit < hits.size()) {
            links.put("next", path + "?" + Http.queryWithCursor(ctx, Http.cursor(offset + limit)));
        }
        if (offset > 0) {
            links.put("prev", path + "?" + Http.queryWithCursor(ctx, Http.cursor(Math.max(0, offset - limit))));
        }
        links.put("self", shapes.base() + path + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        Http.json(ctx, 200, map("results", results, "start", offset, "limit", limit, "size", results.size(),
                "_links", links));
    }

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
}
