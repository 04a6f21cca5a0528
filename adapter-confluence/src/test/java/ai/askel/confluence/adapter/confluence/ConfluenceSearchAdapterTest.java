package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.contentArray;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.v1Content;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.v1Label;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Version;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfluenceSearchAdapterTest extends WireMockConfluence {
    static final String PATH = "/wiki/rest/api/content/search";

    @Test
    void sends_the_typed_query_quoted_and_escaped_and_maps_content() {
        CqlQuery query = CqlQuery.builder().type("page").space(SpaceKey.of("TEAM")).titleEquals("Say \"hi\" \\ R&D: 日本")
                .label(Label.of("Needs-Review")).lastModifiedSince(LocalDate.of(2024, 6, 1)).build();
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cql", equalTo(
                        "type = \"page\" AND space = \"TEAM\" AND title = \"Say \\\"hi\\\" \\\\ R&D: 日本\" AND label = \"needs-review\" AND lastmodified >= \"2024-06-01\""))
                .withQueryParam("expand", equalTo("space,version,metadata.labels,ancestors"))
                .willReturn(okJson(contentArray(null, v1Content("3965072", "Say \"hi\" \\ R&D: 日本", "TEAM", 3, v1Label("1", "needs-review"))))));

        Slice<PageSummary> slice = search.search(access, query, 25, Optional.empty());

        assertThat(slice.items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(PageId.of("3965072"));
            assertThat(p.title().value()).isEqualTo("Say \"hi\" \\ R&D: 日本");
            assertThat(p.space()).contains(SpaceKey.of("TEAM"));
            assertThat(p.version().number()).isEqualTo(Version.of(3));
            assertThat(p.version().createdAt()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2014-03-10T12:14:35.031Z"));
            assertThat(p.labels()).containsExactly(Label.of("needs-review"));
            assertThat(p.parentId()).contains(PageId.of("98307"));
            assertThat(p.webUrl()).contains(wm.baseUrl() + "/wiki/spaces/TEAM/pages/3965072/Page");
        });
        assertThat(slice.nextCursor()).isEmpty();
    }

    @Test
    void raw_cql_is_sent_as_written() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cql", equalTo("text ~ \"a+b\" OR title ~ 'x'"))
                .willReturn(okJson(contentArray(null))));

        assertThat(search.search(access, CqlQuery.raw("text ~ \"a+b\" OR title ~ 'x'"), 10, Optional.empty()).items()).isEmpty();
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("limit", equalTo("10")));
    }

    @Test
    void streams_lazily_following_next_links_joined_to_base_one_page_at_a_time() {
        stubSearchPages();

        try (Stream<PageSummary> results = search.stream(access, CqlQuery.raw("type = page"), 2)) {
            Iterator<PageSummary> it = results.iterator();
            assertThat(it.next().id()).isEqualTo(PageId.of("1001"));
            wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
            assertThat(it.next().id()).isEqualTo(PageId.of("1002"));
            wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
            assertThat(it.next().id()).isEqualTo(PageId.of("1003"));
            wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
            assertThat(it.hasNext()).isFalse();
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("cursor", equalTo("raNDoM/sTRiNg==")));
    }

    @Test
    void a_stream_stops_on_a_repeated_cursor() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cursor", absent())
                .willReturn(okJson(contentArray("/rest/api/content/search?cql=type%3Dpage&limit=2&cursor=same", v1Content("1001", "A", "TEAM", 1, "")))));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cursor", equalTo("same"))
                .willReturn(okJson(contentArray("/rest/api/content/search?cql=type%3Dpage&limit=2&cursor=same", v1Content("1002", "B", "TEAM", 1, "")))));

        List<String> ids = search.stream(access, CqlQuery.raw("type = page"), 2).map(p -> p.id().value()).toList();

        assertThat(ids).containsExactly("1001", "1002");
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a_stream_stops_on_an_empty_page_even_with_a_next_link() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(contentArray("/rest/api/content/search?cursor=more"))));

        assertThat(search.stream(access, CqlQuery.raw("type = page"), 25).count()).isZero();
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void non_page_content_is_skipped() {
        String blog = v1Content("2001", "Blog", "TEAM", 1, "").replace("\"type\":\"page\"", "\"type\":\"blogpost\"");
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(contentArray(null, blog, v1Content("1001", "A", "TEAM", 1, "")))));

        assertThat(search.search(access, CqlQuery.raw("space = TEAM"), 25, Optional.empty()).items()).extracting(p -> p.id().value()).containsExactly("1001");
    }

    @Test
    void invalid_cql_is_invalid_input_naming_confluences_reason() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400).withHeader("atl-traceid", "cql400")
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V1_400)));

        assertThatThrownBy(() -> search.search(access, CqlQuery.raw("title ~"), 25, Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).contains("Could not parse cql").doesNotContain("BadRequestException");
                    assertThat(e.traceId()).contains("cql400");
                });
    }

    @Test
    void scoped_tokens_search_through_the_gateway_even_when_the_next_link_names_the_site() {
        String prefix = "/ex/confluence/" + CLOUD_ID;
        String siteNext = "/rest/api/content/search?cql=type%3Dpage&limit=1&cursor=c2l0ZQ%3D%3D";
        wm.stubFor(get(urlPathEqualTo(prefix + PATH)).withQueryParam("cursor", absent())
                .willReturn(okJson(contentArray(siteNext, v1Content("1001", "A", "TEAM", 1, "")).replace(wm.baseUrl() + "/wiki", "https://acme.atlassian.net/wiki"))));
        wm.stubFor(get(urlPathEqualTo(prefix + PATH)).withQueryParam("cursor", equalTo("c2l0ZQ=="))
                .willReturn(okJson(contentArray(null, v1Content("1002", "B", "TEAM", 1, "")))));

        List<PageSummary> all = search.stream(gatewayAccess(), CqlQuery.raw("type = page"), 1).toList();

        assertThat(all).extracting(p -> p.id().value()).containsExactly("1001", "1002");
        assertThat(all.get(0).webUrl()).contains("https://acme.atlassian.net/wiki/spaces/TEAM/pages/1001/Page");
        wm.verify(2, getRequestedFor(urlPathEqualTo(prefix + PATH)));
    }

    private void stubSearchPages() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cursor", absent())
                .willReturn(okJson(contentArray("/rest/api/content/search?cql=type%3Dpage&limit=2&cursor=raNDoM%2FsTRiNg%3D%3D",
                        v1Content("1001", "A", "TEAM", 1, ""), v1Content("1002", "B", "TEAM", 1, "")))));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("cursor", equalTo("raNDoM/sTRiNg=="))
                .willReturn(okJson(contentArray(null, v1Content("1003", "C", "DEV", 2, "")))));
    }
}
