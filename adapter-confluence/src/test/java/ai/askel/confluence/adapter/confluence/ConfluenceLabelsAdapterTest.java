package ai.askel.confluence.adapter.confluence;

import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.label;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.labelArray;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.results;
import static ai.askel.confluence.adapter.confluence.ConfluenceFixtures.v1Label;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.PermissionDeniedException;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfluenceLabelsAdapterTest extends WireMockConfluence {
    static final String LABELS = "/wiki/rest/api/content/7700526/label";

    @Test
    void adds_labels_lower_cased_with_the_global_prefix_in_one_call() {
        wm.stubFor(post(urlPathEqualTo(LABELS)).willReturn(okJson(labelArray(v1Label("1", "ops"), v1Label("2", "release/2024"), v1Label("3", "existing")))));

        Set<Label> now = labels.add(access, PageId.of("7700526"), Set.of(Label.of("OPS"), Label.of("Release/2024")));

        assertThat(now).extracting(Label::name).containsExactlyInAnyOrder("ops", "release/2024", "existing");
        wm.verify(1, postRequestedFor(urlPathEqualTo(LABELS)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("[{\"prefix\":\"global\",\"name\":\"ops\"},{\"prefix\":\"global\",\"name\":\"release/2024\"}]")));
    }

    @Test
    void the_label_post_is_replayed_after_a_server_error_because_it_is_idempotent() {
        wm.stubFor(post(urlPathEqualTo(LABELS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(post(urlPathEqualTo(LABELS)).inScenario("flaky").whenScenarioStateIs("ok").willReturn(okJson(labelArray(v1Label("1", "ops")))));

        assertThat(labels.add(access, PageId.of("7700526"), Set.of(Label.of("ops")))).containsExactly(Label.of("ops"));
        wm.verify(2, postRequestedFor(urlPathEqualTo(LABELS)));
    }

    @Test
    void when_the_answer_is_cut_at_two_hundred_every_label_is_read_from_v2() {
        String[] many = new String[200];
        for (int i = 0; i < many.length; i++) {
            many[i] = v1Label(String.valueOf(i + 1), "l" + i);
        }
        wm.stubFor(post(urlPathEqualTo(LABELS)).willReturn(okJson(labelArray(many))));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/labels")).willReturn(okJson(results(null, label("1", "l0"), label("999", "l200")))));

        Set<Label> now = labels.add(access, PageId.of("7700526"), Set.of(Label.of("l0")));

        assertThat(now).containsExactlyInAnyOrder(Label.of("l0"), Label.of("l200"));
    }

    @Test
    void removes_a_label_with_a_slash_through_the_query_parameter_form() {
        wm.stubFor(delete(urlPathEqualTo(LABELS)).willReturn(aResponse().withStatus(204)));

        labels.remove(access, PageId.of("7700526"), Label.of("Release/2024"));

        wm.verify(deleteRequestedFor(urlPathEqualTo(LABELS)).withQueryParam("name", equalTo("release/2024")));
        assertThat(observer.endpoints()).containsExactly("DELETE /wiki/rest/api/content/{id}/label");
    }

    @Test
    void lists_every_label_across_pages() {
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/labels")).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(results("/wiki/api/v2/pages/7700526/labels?cursor=Mg%3D%3D", label("1", "a")))).willSetStateTo("2"));
        wm.stubFor(get(urlPathEqualTo("/wiki/api/v2/pages/7700526/labels")).inScenario("p").whenScenarioStateIs("2")
                .willReturn(okJson(results(null, label("2", "b"), "{\"id\":\"9\",\"name\":\"private\",\"prefix\":\"my\"}"))));

        assertThat(labels.list(access, PageId.of("7700526"))).extracting(Label::name).containsExactly("a", "b");
    }

    @Test
    void a_user_who_may_not_edit_gets_permission_denied() {
        wm.stubFor(post(urlPathEqualTo(LABELS)).willReturn(aResponse().withStatus(403).withHeader("atl-traceid", "t403")
                .withHeader("Content-Type", "application/json").withBody(ConfluenceFixtures.FORBIDDEN)));

        assertThatThrownBy(() -> labels.add(access, PageId.of("7700526"), Set.of(Label.of("x"))))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.traceId()).contains("t403");
                    assertThat(e.getMessage()).contains("Current user not permitted to use Confluence");
                });
    }
}
