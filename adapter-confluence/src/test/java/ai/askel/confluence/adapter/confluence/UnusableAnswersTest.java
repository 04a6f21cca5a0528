package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.space;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.ConfluencePagesPort;
import ai.askel.confluence.ports.out.ConfluenceSearchPort;
import ai.askel.confluence.ports.out.ConfluenceSpacesPort;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Answers that Atlassian's OpenAPI documents allow but the connector cannot use are Confluence's
 * error, named by endpoint and field: never a stack trace, never the caller's invalid input.
 */
class UnusableAnswersTest extends WireMockConfluence {
    private ConfluenceSpacesPort guardedSpaces;
    private ConfluenceSearchPort guardedSearch;
    private ConfluencePagesPort guardedPages;

    @BeforeEach
    void guardThePorts() {
        guardedSpaces = UnusableAnswers.guard(ConfluenceSpacesPort.class, spaces);
        guardedSearch = UnusableAnswers.guard(ConfluenceSearchPort.class, search);
        guardedPages = UnusableAnswers.guard(ConfluencePagesPort.class, pages);
    }

    @Test
    void a_next_link_in_free_text_is_a_confluence_error_naming_the_field() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson(
                results("see the next page, please", space("1", "OPS", "Ops")))));

        assertConfluenceError(() -> guardedSpaces.listSpaces(access, 25, Optional.empty()), "GET /wiki/api/v2/spaces", "_links.next");
    }

    @Test
    void a_null_item_in_a_v1_search_is_a_confluence_error_naming_the_endpoint() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/content/search")).willReturn(okJson(
                ConfluenceFixtures.contentArray(null, "null"))));

        assertConfluenceError(() -> guardedSearch.search(access, CqlQuery.raw("type = page"), 25, Optional.empty()),
                "GET /wiki/rest/api/content/search", "null");
        assertConfluenceError(() -> guardedSearch.stream(access, CqlQuery.raw("type = page"), 25).toList(),
                "GET /wiki/rest/api/content/search", "null");
    }

    @Test
    void an_odd_space_id_is_confluences_error_not_the_callers_invalid_input() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces")).willReturn(okJson(results(null, space("1", "OPS", "Ops").replace("\"id\":\"1\"", "\"id\":\"string\"")))));

        assertConfluenceError(() -> guardedSpaces.listSpaces(access, 25, Optional.empty()), "GET /wiki/api/v2/spaces", "field");
    }

    @Test
    void a_negative_version_is_confluences_error() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/42")).willReturn(okJson(ConfluenceFixtures.page("42", "Odd", Integer.MIN_VALUE,
                "1", null, "<p>x</p>", ConfluenceFixtures.label("7", "ops"), false))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/spaces/1")).willReturn(okJson(space("1", "OPS", "Ops"))));

        assertConfluenceError(() -> guardedPages.read(access, PageId.of("42")), "GET /wiki/api/v2/pages/{id}", "version");
    }

    @Test
    void confluences_own_refusal_of_the_callers_query_stays_invalid_input() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/content/search")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.V1_400)));

        assertThatThrownBy(() -> guardedSearch.search(access, CqlQuery.raw("title ~"), 25, Optional.empty()))
                .isInstanceOf(InvalidInputException.class);
    }

    private static void assertConfluenceError(Executable call, String endpoint, String field) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLUENCE_ERROR);
            assertThat(e).isNotInstanceOf(InvalidInputException.class);
            assertThat(e.getMessage()).contains(endpoint).containsIgnoringCase(field);
        });
    }
}
