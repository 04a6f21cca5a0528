package ai.askel.confluence.adapter.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.PageId;
import org.junit.jupiter.api.Test;

class ConfluencePermissionsAdapterTest extends WireMockConfluence {
    static final String OPERATIONS = "/wiki/api/v2/pages/7700526/operations";

    @Test
    void answers_the_page_level_operations_the_user_may_perform() {
        wm.stubFor(get(urlEqualTo(OPERATIONS)).willReturn(okJson("""
                {"operations": [{"operation": "read", "targetType": "page"}, {"operation": "update", "targetType": "page"},
                                {"operation": "delete", "targetType": "page"}, {"operation": "create", "targetType": "attachment"}]}""")));

        assertThat(permissions.pageOperations(access, PageId.of("7700526"))).hasValueSatisfying(ops ->
                assertThat(ops).containsExactlyInAnyOrder("read", "update", "delete"));
        wm.verify(1, getRequestedFor(urlEqualTo(OPERATIONS)));
        assertThat(observer.endpoints()).containsExactly("GET /wiki/api/v2/pages/{id}/operations");
    }

    @Test
    void a_read_only_user_gets_read_only() {
        wm.stubFor(get(urlEqualTo(OPERATIONS)).willReturn(okJson("{\"operations\": [{\"operation\": \"read\", \"targetType\": \"page\"}]}")));

        assertThat(permissions.pageOperations(access, PageId.of("7700526"))).contains(java.util.Set.of("read"));
    }

    @Test
    void a_page_that_is_gone_or_hidden_is_empty() {
        wm.stubFor(get(urlEqualTo(OPERATIONS)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"status\":404,\"code\":\"NOT_FOUND\",\"title\":\"Not Found\",\"detail\":null}]}")));

        assertThat(permissions.pageOperations(access, PageId.of("7700526"))).isEmpty();
    }
}
