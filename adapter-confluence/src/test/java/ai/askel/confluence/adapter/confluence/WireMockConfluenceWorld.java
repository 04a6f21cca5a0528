package ai.askel.confluence.adapter.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The contracts' Confluence as WireMock stubs shaped like Atlassian's payloads. */
final class WireMockConfluenceWorld implements ConfluenceWorld {
    private final ConfluenceAccess access;
    private final Map<SpaceKey, String> spaceIds = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(880000);

    WireMockConfluenceWorld(ConfluenceAccess access) {
        this.access = access;
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(okJson(ConfluenceFixtures.CURRENT_USER)));
        // v2 POST /users-bulk leaves out ids of nobody: only the known account is answered
        WireMockConfluence.wm.stubFor(post(urlPathEqualTo("/wiki/api/v2/users-bulk")).willReturn(okJson("""
                {"results":[{"accountId":"557058:048d7c01-8b68-440d-964f-07ce58d92aeb","accountType":"app","accountStatus":"active",
                "email":"","publicName":"Ops Bot","displayName":"Ops Bot","timeZone":"UTC","isExternalCollaborator":false,
                "profilePicture":{"path":"/wiki/aa-avatar/default.png","isDefault":true}}],
                "_links":{"base":"https://example.atlassian.net/wiki"}}""")));
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).atPriority(10).willReturn(okJson(ConfluenceFixtures.results(null))));
        // a title lookup no given page matches answers no results, as Confluence does
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages")).atPriority(10).willReturn(okJson(ConfluenceFixtures.results(null))));
        // v1 label removal answers 404 for a label the page does not have (and for a page that is not there)
        WireMockConfluence.wm.stubFor(delete(urlPathMatching("/wiki/rest/api/content/[0-9]+/label")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V1_LABEL_404)));
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/" + absentPage().value()))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V2_404)));
    }

    @Override
    public ConfluenceAccess access() {
        return access;
    }

    @Override
    public ConfluenceUser currentUser() {
        return new ConfluenceUser("557058:048d7c01-8b68-440d-964f-07ce58d92aeb", "Ops Bot");
    }

    @Override
    public void givenSpace(SpaceKey key, String name) {
        String id = spaceIds.computeIfAbsent(key, k -> String.valueOf(ids.incrementAndGet()));
        String json = ConfluenceFixtures.space(id, key.value(), name);
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("keys", equalTo(key.value()))
                .willReturn(okJson(ConfluenceFixtures.results(null, json))));
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/" + id)).willReturn(okJson(json)));
    }

    @Override
    public PageId givenPage(SpaceKey space, Title title, String storageBody, Set<Label> labels) {
        String spaceId = spaceIds.get(space);
        String id = String.valueOf(ids.incrementAndGet());
        String labelJson = labels.stream().map(l -> ConfluenceFixtures.label(String.valueOf(ids.incrementAndGet()), l.name())).collect(Collectors.joining(","));
        String page = ConfluenceFixtures.page(id, title.value(), 1, spaceId, null, storageBody, labelJson, false);
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/" + id)).willReturn(okJson(page)));
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages")).withQueryParam("space-id", equalTo(spaceId))
                .withQueryParam("title", equalTo(title.value())).willReturn(okJson(ConfluenceFixtures.results(null, page))));
        labels.forEach(l -> WireMockConfluence.wm.stubFor(delete(urlPathEqualTo("/wiki/rest/api/content/" + id + "/label"))
                .withQueryParam("name", equalTo(l.name())).willReturn(aResponse().withStatus(204))));
        WireMockConfluence.wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/" + id + "/labels"))
                .willReturn(okJson(ConfluenceFixtures.results(null, labelJson.isEmpty() ? new String[0] : labelJson.split(",(?=\\{)")))));
        return PageId.of(id);
    }

    @Override
    public PageId absentPage() {
        return PageId.of("999999999");
    }
}
