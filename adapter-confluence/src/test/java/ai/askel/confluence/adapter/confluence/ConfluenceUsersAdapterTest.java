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
    void calls_are_logged_with_route_status_and_trace_id_but_never_the_token_or_authorization() {
        wm.stubFor(get(urlPathEqualTo("/wiki/rest/api/user/current")).willReturn(aResponse().withStatus(401).withHeader("atl-traceid", "trace-77")
                .withBody(ConfluenceFixtures.TEXT_401)));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ai.askel.confluence.adapter.confluence");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            assertThatThrownBy(() -> users.currentUser(access)).isInstanceOf(CredentialsRejectedException.class);
        } finally {
            logger.detachAppender(appender);
            logger.setAdditive(true);
            logger.setLevel(before);
        }
        assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("GET /wiki/rest/api/user/current").contains("401").contains("trace-77"))
                .allSatisfy(m -> assertThat(m).doesNotContain(TOKEN).doesNotContain("Basic "));
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
