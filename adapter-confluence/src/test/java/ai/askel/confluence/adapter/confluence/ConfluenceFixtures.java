package ai.askel.confluence.adapter.confluence;

/** Confluence Cloud answers shaped exactly like Atlassian's documented payloads (api-reference.md §12). */
public final class ConfluenceFixtures {
    private ConfluenceFixtures() {
    }

    public static String space(String id, String key, String name) {
        return """
                {"id":"%s","key":"%s","name":"%s","type":"global","status":"current","authorId":"557058:048d7c01","createdAt":"2023-12-12T07:25:30.563Z",
                 "homepageId":"%s","description":null,"icon":null,"_links":{"webui":"/spaces/%s"}}""".formatted(id, key, name, Long.parseLong(id) + 1, key);
    }

    public static String results(String next, String... items) {
        String links = next == null ? "{\"base\":\"%s/wiki\"}".formatted(WireMockConfluence.wm.baseUrl())
                : "{\"next\":\"%s\",\"base\":\"%s/wiki\"}".formatted(next, WireMockConfluence.wm.baseUrl());
        return "{\"results\":[" + String.join(",", items) + "],\"_links\":" + links + "}";
    }

    public static String page(String id, String title, int version, String spaceId, String parentId, String storage, String labels, boolean moreLabels) {
        return """
                {"parentType":"page","createdAt":"2023-12-12T07:25:30.563Z","authorId":"557058:048d7c01-8b68-440d-964f-07ce58d92aeb","id":"%s",
                 "version":{"number":%d,"message":"","minorEdit":false,"authorId":"557058:048d7c01-8b68-440d-964f-07ce58d92aeb","createdAt":"2023-12-13T08:00:00.000Z"},
                 "position":3997,"title":%s,"status":"current","ownerId":"557058:048d7c01-8b68-440d-964f-07ce58d92aeb",
                 "body":{"storage":{"representation":"storage","value":%s}},"parentId":%s,"spaceId":"%s","lastOwnerId":null,
                 "labels":{"results":[%s],"meta":{"hasMore":%s,"cursor":"ZXhhbXBsZQ=="},"_links":{"self":"/wiki/api/v2/pages/%s/labels"}},
                 "_links":{"editui":"/pages/resumedraft.action?draftId=%s","webui":"/spaces/TEAM/pages/%s/Page","tinyui":"/x/LoB1","base":"%s/wiki"}}"""
                .formatted(id, version, json(title), json(storage), parentId == null ? "null" : "\"" + parentId + "\"", spaceId, labels,
                        moreLabels, id, id, id, WireMockConfluence.wm.baseUrl());
    }

    public static String label(String id, String name) {
        return "{\"id\":\"%s\",\"name\":\"%s\",\"prefix\":\"global\"}".formatted(id, name);
    }

    public static String v1Content(String id, String title, String spaceKey, int version, String labels) {
        return """
                {"id":"%s","type":"page","status":"current","title":%s,
                 "space":{"id":786433,"key":"%s","name":"Test Space","_links":{"self":"https://your-domain.atlassian.net/wiki/rest/api/space/%s"}},
                 "version":{"by":{"type":"known","accountId":"557058:048d7c01","displayName":"A. D. Ministrator"},"when":"2014-03-10T23:14:35.031+1100",
                            "message":"","minorEdit":false,"number":%d},
                 "metadata":{"labels":{"results":[%s],"start":0,"limit":200,"size":0}},
                 "ancestors":[{"id":"98307","type":"page","title":"Home"}],
                 "_expandable":{"children":"/rest/api/content/%s/child"},
                 "_links":{"webui":"/spaces/%s/pages/%s/Page","tinyui":"/x/kIA8","self":"https://your-domain.atlassian.net/wiki/rest/api/content/%s"}}"""
                .formatted(id, json(title), spaceKey, spaceKey, version, labels, id, spaceKey, id, id);
    }

    public static String contentArray(String next, String... items) {
        String nextField = next == null ? "" : "\"next\":\"%s\",".formatted(next);
        return """
                {"results":[%s],"start":0,"limit":25,"size":%d,
                 "_links":{%s"base":"%s/wiki","context":"/wiki","self":"%s/wiki/rest/api/content/search"}}"""
                .formatted(String.join(",", items), items.length, nextField, WireMockConfluence.wm.baseUrl(), WireMockConfluence.wm.baseUrl());
    }

    public static String v1Label(String id, String name) {
        return "{\"prefix\":\"global\",\"name\":\"%s\",\"id\":\"%s\",\"label\":\"%s\"}".formatted(name, id, name);
    }

    public static String labelArray(String... labels) {
        return "{\"results\":[%s],\"start\":0,\"limit\":200,\"size\":%d,\"_links\":{}}".formatted(String.join(",", labels), labels.length);
    }

    public static final String CURRENT_USER = """
            {"type":"known","accountId":"557058:048d7c01-8b68-440d-964f-07ce58d92aeb","accountType":"atlassian","email":"ops@example.com",
             "publicName":"ops","profilePicture":{"path":"/wiki/aa-avatar/557058.png","width":48,"height":48,"isDefault":false},
             "displayName":"Ops Bot","isExternalCollaborator":false,"_expandable":{"operations":"","personalSpace":""},
             "_links":{"self":"https://your-domain.atlassian.net/wiki/rest/api/user?accountId=557058:048d7c01","base":"https://your-domain.atlassian.net/wiki","context":"/wiki"}}""";

    public static final String ANONYMOUS_USER = """
            {"type":"anonymous","profilePicture":{"path":"/wiki/s/-1/_/images/icons/profilepics/anonymous.svg","width":48,"height":48,"isDefault":true},
             "displayName":"Anonymous","isExternalCollaborator":false,"_links":{"base":"https://your-domain.atlassian.net/wiki","context":"/wiki"}}""";

    public static String attachmentArray(String id, String title, long size, String mediaType, int version, String comment) {
        return """
                {"results":[{"id":"%s","type":"attachment","status":"current","title":%s,
                  "version":{"number":%d,"minorEdit":true,"message":""},
                  "metadata":{"mediaType":"%s","comment":%s},
                  "extensions":{"mediaType":"%s","fileSize":%d,"comment":%s},
                  "_links":{"webui":"/pages/viewpageattachments.action?pageId=7700526","download":"/download/attachments/7700526/file?version=%d",
                            "self":"https://your-domain.atlassian.net/wiki/rest/api/content/%s"}}],
                 "start":0,"limit":50,"size":1,"_links":{"base":"%s/wiki","context":"/wiki"}}"""
                .formatted(id, json(title), version, mediaType, json(comment), mediaType, size, json(comment), version, id, WireMockConfluence.wm.baseUrl());
    }

    public static final String V1_409 = """
            {"statusCode":409,"data":{"authorized":false,"valid":true,"errors":[],"successful":false},"message":"com.atlassian.confluence.api.service.exceptions.ConflictException: Version must be incremented on update. Current version is: 5"}""";

    public static final String V2_409 = """
            {"errors":[{"status":"409","code":"CONFLICT","title":"Version must be incremented when updating a page. Current Version: [3]. Provided version: [3]","detail":null}]}""";

    public static final String V1_400 = """
            {"statusCode":400,"data":{"authorized":false,"valid":true,"allowedInReadOnlyMode":true,"errors":[],"successful":false},"message":"com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : title ~ ","reason":"Bad Request"}""";

    /** v1's answer to removing a label the page does not have. */
    public static final String V1_LABEL_404 = """
            {"statusCode":404,"data":{"authorized":false,"valid":true,"errors":[],"successful":false},"message":"com.atlassian.confluence.api.service.exceptions.NotFoundException: Label 'never-there' not found on content 880002"}""";

    public static final String V2_404 = """
            {"errors":[{"status":"404","code":"NOT_FOUND","title":"Not Found","detail":null}]}""";

    public static final String GONE = """
            {"statusCode":410,"message":"com.atlassian.confluence.api.service.exceptions.GoneException: This deprecated endpoint has been removed."}""";

    public static final String TEXT_401 = "Basic authentication with passwords is deprecated.  For more information, see: "
            + "https://confluence.atlassian.com/cloud/deprecation-of-basic-authentication-with-passwords-for-jira-and-confluence-apis-972355348.html";

    public static final String FORBIDDEN = "{\"message\":\"Current user not permitted to use Confluence\",\"statusCode\":403}";

    public static final String DUPLICATE_TITLE = """
            {"errors":[{"status":"400","code":"INVALID_REQUEST_PARAMETER","title":"A page with this title already exists: A page already exists with the title Runbook in the space with key TEAM","detail":null}]}""";

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
