package ai.askel.confluence.adapter.confluence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ConfluenceUser;
import ai.askel.confluence.domain.error.CredentialsRejectedException;
import org.junit.jupiter.api.Test;

class ConfluenceUsersAdapterTest extends WireMockConfluence {

    @Test
    void answers_the_account_the_credentials_act_as() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(okJson(ConfluenceFixtures.CURRENT_USER)));

        assertThat(users.currentUser(access))
                .isEqualTo(new ConfluenceUser("557058:048d7c01-8b68-440d-964f-07ce58d92aeb", "Ops Bot"));
        assertThat(observer.endpoints()).containsExactly("GET /wiki/rest/api/user/current");
    }

    @Test
    void an_anonymous_answer_means_the_credentials_were_rejected() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(okJson(ConfluenceFixtures.ANONYMOUS_USER)));

        assertThatThrownBy(() -> users.currentUser(access)).isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("anonymous");
    }

    @Test
    void a_401_in_plain_text_is_rejected_credentials_with_the_trace_id_and_no_token() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withHeader("atl-traceid", "4f1c2a9d8e7b6a50").withBody(ConfluenceFixtures.TEXT_401)));

        assertThatThrownBy(() -> users.currentUser(access)).isInstanceOfSatisfying(CredentialsRejectedException.class, e -> {
            assertThat(e.traceId()).contains("4f1c2a9d8e7b6a50");
            assertThat(e.getMessage()).contains("Basic authentication with passwords is deprecated").doesNotContain(TOKEN);
        });
        assertThat(observer.retries).isEmpty();
    }
}
