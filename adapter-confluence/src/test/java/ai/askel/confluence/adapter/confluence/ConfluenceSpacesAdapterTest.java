package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.space;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.Space;
import ai.askel.confluence.domain.SpaceId;
import ai.askel.confluence.domain.SpaceKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfluenceSpacesAdapterTest extends WireMockConfluence {

    @Test
    void lists_spaces_page_by_page_with_the_cursor_of_the_next_link() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("cursor", absent())
                .willReturn(okJson(results("/wiki/api/v2/spaces?limit=2&cursor=eyJpZCI6Ijk4MzA3In0%3D", space("98306", "TEAM", "Team"), space("98307", "DEV", "Dev")))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("cursor", equalTo("eyJpZCI6Ijk4MzA3In0="))
                .willReturn(okJson(results(null, space("98308", "OPS", "Ops & Co")))));

        Slice<Space> first = spaces.listSpaces(access, 2, Optional.empty());
        Slice<Space> second = spaces.listSpaces(access, 2, first.nextCursor());

        assertThat(first.items()).extracting(Space::key).containsExactly(SpaceKey.of("TEAM"), SpaceKey.of("DEV"));
        assertThat(first.items().get(0).homepageId()).contains(PageId.of("98307"));
        assertThat(first.nextCursor()).contains("eyJpZCI6Ijk4MzA3In0=");
        assertThat(second.items()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("Ops & Co");
            assertThat(s.id()).isEqualTo(SpaceId.of("98308"));
        });
        assertThat(second.nextCursor()).isEmpty();
        wm.verify(getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void every_request_carries_basic_auth_preemptively() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson(results(null))));

        spaces.listSpaces(access, 25, Optional.empty());

        String expected = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes());
        wm.verify(getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces")).withHeader("Authorization", equalTo(expected))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void finds_a_space_by_key_once_and_then_from_the_cache() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).withQueryParam("keys", equalTo("TEAM"))
                .willReturn(okJson(results(null, space("98306", "TEAM", "Team")))));

        Optional<Space> first = spaces.findSpace(access, SpaceKey.of("TEAM"));
        Optional<Space> again = spaces.findSpace(access, SpaceKey.of("TEAM"));

        assertThat(first).map(Space::id).contains(SpaceId.of("98306"));
        assertThat(again).isEqualTo(first);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces")));
        assertThat(observer.endpoints()).containsExactly("GET /wiki/api/v2/spaces");
    }

    @Test
    void an_unknown_space_key_is_empty() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson(results(null))));

        assertThat(spaces.findSpace(access, SpaceKey.of("NOPE"))).isEmpty();
    }

    @Test
    void rotated_credentials_get_a_fresh_client_and_cache() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson(results(null, space("98306", "TEAM", "Team")))));

        spaces.findSpace(access, SpaceKey.of("TEAM"));
        spaces.findSpace(siteAccess("ATATT-rotated-token"), SpaceKey.of("TEAM"));

        wm.verify(2, getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces")));
        String rotated = "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":ATATT-rotated-token").getBytes());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/wiki/api/v2/spaces")).withHeader("Authorization", equalTo(rotated)));
    }

    @Test
    void scoped_tokens_go_through_the_gateway_and_keep_its_prefix_when_paging() {
        String prefix = "/ex/confluence/" + CLOUD_ID;
        wm.stubFor(get(urlPathEqualTo(prefix + "/wiki/api/v2/spaces")).withQueryParam("cursor", absent())
                .willReturn(okJson(results("/wiki/api/v2/spaces?cursor=b2s%3D", space("98306", "TEAM", "Team")))));
        wm.stubFor(get(urlPathEqualTo(prefix + "/wiki/api/v2/spaces")).withQueryParam("cursor", equalTo("b2s="))
                .willReturn(okJson(results(null, space("98307", "DEV", "Dev")))));

        Slice<Space> first = spaces.listSpaces(gatewayAccess(), 1, Optional.empty());
        Slice<Space> second = spaces.listSpaces(gatewayAccess(), 1, first.nextCursor());

        assertThat(second.items()).extracting(Space::key).containsExactly(SpaceKey.of("DEV"));
        wm.verify(2, getRequestedFor(urlPathEqualTo(prefix + "/wiki/api/v2/spaces")));
    }

    @Test
    void a_next_link_to_another_host_is_not_followed() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces"))
                .willReturn(okJson(results("https://evil.example.com/wiki/api/v2/spaces?cursor=abc", space("98306", "TEAM", "Team")))));

        assertThat(spaces.listSpaces(access, 25, Optional.empty()).nextCursor()).isEmpty();
    }
}
