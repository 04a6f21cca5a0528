package ai.askel.confluence.sandbox;

import static ai.askel.confluence.sandbox.Http.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The JSON shapes of Confluence's v1 API that several v1 endpoints answer: content with its expansions, space, version,
 * user, a page's label array and attachment content. Links are absolute under {@code <site>/wiki}, as Confluence's.
 */
final class V1Shapes {

    private static final int LABEL_LIMIT = 200;

    private final Store store;
    private final Supplier<String> site;

    V1Shapes(Store store, Supplier<String> site) {
        this.store = store;
        this.site = site;
    }

    String base() {
        return site.get() + "/wiki";
    }

    /** How many children an expansion carries inline (Confluence's default page size for expansions). */
    static final int EXPANDED_CHILDREN = 25;

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

    Map<String, Object> space(Store.Space s) {
        return map("id", s.id, "key", s.key, "name", s.name, "type", "global", "status", "current",
                "_expandable", map("settings", "/rest/api/space/" + s.key + "/settings", "metadata", "",
                        "operations", "", "lookAndFeel", "", "identifiers", "", "permissions", "", "icon", "",
                        "description", "", "theme", "", "history", "",
                        "homepage", "/rest/api/content/" + s.homepageId),
                "_links", map("webui", "/spaces/" + s.key, "self", base() + "/rest/api/space/" + s.key));
    }

    Map<String, Object> version(long contentId, int number, String authorId, java.time.Instant when,
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

    Map<String, Object> labelArray(Store.Page page, List<Store.Label> labels) {
        List<Object> results = labels.stream().limit(LABEL_LIMIT)
                .map(l -> map("prefix", l.prefix(), "name", l.name(), "id", l.id(), "label", l.name()))
                .collect(Collectors.toList());
        return map("results", results, "start", 0, "limit", LABEL_LIMIT, "size", results.size(),
                "_links", map("self", base() + "/rest/api/content/" + page.id + "/label"));
    }

    /**
     * The {@code children.attachment} expansion: like Confluence, at most {@link #EXPANDED_CHILDREN} attachments
     * inline, with a {@code next} link to the rest.
     */
    Map<String, Object> children(Store.Page p) {
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
