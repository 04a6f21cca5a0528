package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.adapter.confluence.ConfluenceWire.Ancestor;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Attachment;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Child;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.CurrentUser;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Label;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.NewPage;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Operations;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Page;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.PageUpdate;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.PageVersion;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Results;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.Space;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.V1ContentArray;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.V1LabelArray;
import ai.askel.confluence.adapter.confluence.ConfluenceWire.V1LabelCreate;
import feign.CollectionFormat;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/**
 * Confluence Cloud's REST endpoints the connector uses: v2 for spaces and pages, v1 where no v2
 * equivalent exists (CQL search, label writes, the current user). A {@code null} argument leaves
 * its query parameter out. The route template of each call (for metrics and logs) is its request line.
 * Every request asks for JSON and carries the connection's credentials: {@link JdkFeignClient} adds both.
 */
interface ConfluenceApi {
    @RequestLine("GET /wiki/api/v2/spaces?limit={limit}&cursor={cursor}")
    Results<Space> spaces(@Param("limit") int limit, @Param("cursor") String cursor);

    @RequestLine("GET /wiki/api/v2/spaces?keys={key}")
    Results<Space> spacesByKey(@Param("key") String key);

    @RequestLine("GET /wiki/api/v2/spaces/{id}")
    Space space(@Param("id") String id);

    @RequestLine("POST /wiki/api/v2/pages")
    @Headers("Content-Type: application/json")
    Page createPage(NewPage page);

    @RequestLine("GET /wiki/api/v2/pages/{id}?body-format=storage&include-labels=true")
    Page page(@Param("id") String id);

    @RequestLine("GET /wiki/api/v2/pages/{id}?body-format=storage&version={version}")
    Page pageVersion(@Param("id") String id, @Param("version") int version);

    @RequestLine("PUT /wiki/api/v2/pages/{id}")
    @Headers("Content-Type: application/json")
    Page updatePage(@Param("id") String id, PageUpdate update);

    @RequestLine("GET /wiki/api/v2/pages?space-id={spaceId}&title={title}&status=current&limit=25")
    Results<Page> pagesByTitle(@Param("spaceId") String spaceId, @Param("title") String title);

    /** The ids as repeated {@code id=} parameters (the spec's form style, exploded); at most 250. */
    @RequestLine("GET /wiki/api/v2/pages?id={ids}&limit=250")
    Results<Page> pagesById(@Param("ids") List<String> ids);

    @RequestLine("GET /wiki/api/v2/pages/{id}/labels?limit=250&cursor={cursor}")
    Results<Label> labels(@Param("id") String id, @Param("cursor") String cursor);

    @RequestLine("GET /wiki/api/v2/pages/{id}/versions?sort=-modified-date&limit={limit}&cursor={cursor}")
    Results<PageVersion> versions(@Param("id") String id, @Param("limit") int limit, @Param("cursor") String cursor);

    @RequestLine("GET /wiki/api/v2/pages/{id}/direct-children?limit={limit}&cursor={cursor}")
    Results<Child> children(@Param("id") String id, @Param("limit") int limit, @Param("cursor") String cursor);

    @RequestLine("GET /wiki/api/v2/pages/{id}/ancestors?limit=250")
    Results<Ancestor> ancestors(@Param("id") String id);

    @RequestLine("GET /wiki/api/v2/pages/{id}/operations")
    Operations pageOperations(@Param("id") String id);

    @RequestLine("GET /wiki/api/v2/pages/{id}/attachments?limit=250&cursor={cursor}")
    Results<Attachment> attachments(@Param("id") String id, @Param("cursor") String cursor);

    /** {@code expand} is one comma-separated value (the spec's form style, not exploded): hence CSV. */
    @RequestLine(value = "GET /wiki/rest/api/content/search?cql={cql}&limit={limit}&cursor={cursor}&expand=space,version,metadata.labels,ancestors",
            collectionFormat = CollectionFormat.CSV)
    V1ContentArray search(@Param("cql") String cql, @Param("limit") int limit, @Param("cursor") String cursor);

    /** The search with each page's attachments expanded (Confluence serves a few inline, with a next link to the rest). */
    @RequestLine(value = "GET /wiki/rest/api/content/search?cql={cql}&limit={limit}&cursor={cursor}&expand=space,version,metadata.labels,ancestors,children.attachment.version",
            collectionFormat = CollectionFormat.CSV)
    V1ContentArray searchWithAttachments(@Param("cql") String cql, @Param("limit") int limit, @Param("cursor") String cursor);

    @RequestLine("POST /wiki/rest/api/content/{id}/label")
    @Headers("Content-Type: application/json")
    V1LabelArray addLabels(@Param("id") String id, List<V1LabelCreate> labels);

    @RequestLine("DELETE /wiki/rest/api/content/{id}/label?name={name}")
    void removeLabel(@Param("id") String id, @Param("name") String name);

    @RequestLine("GET /wiki/rest/api/user/current")
    CurrentUser currentUser();

    /** A read, though a POST: the ids go in the body ({@code accountIds}, at most 250). */
    @RequestLine("POST /wiki/api/v2/users-bulk")
    @Headers("Content-Type: application/json")
    Results<ConfluenceWire.User> usersBulk(ConfluenceWire.UsersBulk request);
}
