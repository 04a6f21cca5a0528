package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard: a user-typed site URL reaches only a Confluence Cloud site or an allow-listed origin. */
class SiteUrlTest {
    private static final List<String> NONE = List.of();

    @ParameterizedTest
    @CsvSource({
            "https://acme.atlassian.net,              https://acme.atlassian.net",
            "https://acme.atlassian.net/,             https://acme.atlassian.net",
            "https://acme.atlassian.net/wiki,         https://acme.atlassian.net",
            "https://acme.atlassian.net/wiki/,        https://acme.atlassian.net",
            "https://ACME.Atlassian.NET,              https://acme.atlassian.net",
            "HTTPS://acme.atlassian.net,              https://acme.atlassian.net",
            "https://acme.atlassian.net:443,          https://acme.atlassian.net",
            "'  https://my-team-2.atlassian.net  ',   https://my-team-2.atlassian.net",
    })
    void cloud_sites_are_accepted_and_normalised_to_their_origin(String input, String origin) {
        SiteUrl site = SiteUrl.parse(input, NONE);

        assertThat(site.origin()).isEqualTo(origin);
        assertThat(site.wikiBase()).isEqualTo(origin + "/wiki");
        assertThat(site).hasToString(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254",
            "http://169.254.169.254/latest/meta-data/",
            "http://localhost:8080",
            "https://localhost",
            "http://acme.atlassian.net",
            "https://acme.atlassian.net@evil.example",
            "https://user:pass@acme.atlassian.net",
            "https://evil.example/acme.atlassian.net",
            "https://acme.atlassian.net.evil.example",
            "https://evilatlassian.net",
            "https://atlassian.net",
            "https://a.b.atlassian.net",
            "https://-acme.atlassian.net",
            "https://acme.atlassian.net.",
            "file:///etc/passwd",
            "ftp://acme.atlassian.net",
            "https://10.0.0.1",
            "https://127.0.0.1",
            "https://2130706433",
            "https://[::1]",
            "https://[::ffff:169.254.169.254]",
            "https://acme.atlassian.net:8443",
            "https://acme.atlassian.net:80",
            "https://acme.atlassian.net/?next=http://evil.example",
            "https://acme.atlassian.net#@evil.example",
            "https://acme.atlassian.net/wiki/spaces/X",
            "https://acme.atlassian.net/..",
            "https://acme.atlassian.net\\@evil.example",
            "https://acme%2Eatlassian.net",
            "https://evil.example%23.atlassian.net",
            "https://acme.atlassian.net:0",
            "https://acme.atlassian.net/wiki?",
            "https://acme.atlassian.net#",
            "javascript:alert(1)",
            "acme.atlassian.net",
            "//acme.atlassian.net",
            "not a url",
    })
    void anything_else_is_refused_as_site_not_allowed(String input) {
        assertThatThrownBy(() -> SiteUrl.parse(input, NONE))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SITE_NOT_ALLOWED));
    }

    @Test
    void the_messages_say_what_is_wrong() {
        assertThatThrownBy(() -> SiteUrl.parse("https://acme.atlassian.net@evil.example", NONE)).hasMessageContaining("user information");
        assertThatThrownBy(() -> SiteUrl.parse("https://acme.atlassian.net?x=1", NONE)).hasMessageContaining("query or fragment");
        assertThatThrownBy(() -> SiteUrl.parse("http://acme.atlassian.net", NONE)).hasMessageContaining("only https");
        assertThatThrownBy(() -> SiteUrl.parse("https://acme.atlassian.net:8443", NONE)).hasMessageContaining("no port");
        assertThatThrownBy(() -> SiteUrl.parse("https://evil.example", NONE))
                .hasMessageContaining("'evil.example' is not a Confluence Cloud site");
        assertThatThrownBy(() -> SiteUrl.parse(" ", NONE)).hasMessage("siteUrl is required");
        assertThatThrownBy(() -> SiteUrl.parse(null, NONE)).hasMessage("siteUrl is required");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8090,        http://127.0.0.1:8090",
            "http://127.0.0.1:8090/,       http://127.0.0.1:8090",
            "http://127.0.0.1:8090/wiki,   http://127.0.0.1:8090",
            "HTTP://LOCALHOST:9000,        http://localhost:9000",
    })
    void allow_listed_origins_pass(String input, String origin) {
        SiteUrl site = SiteUrl.parse(input, Set.of("http://127.0.0.1:8090/", "http://localhost:9000"));

        assertThat(site.origin()).isEqualTo(origin);
        assertThat(site.wikiBase()).isEqualTo(origin + "/wiki");
    }

    @Test
    void the_allow_list_matches_whole_origins_only() {
        List<String> allowed = List.of("http://127.0.0.1:8090");

        for (String input : new String[] {"http://127.0.0.1:8091", "https://127.0.0.1:8090", "http://127.0.0.1",
                "http://127.0.0.1:8090@evil.example", "http://127.0.0.1:8090/admin"}) {
            assertThatThrownBy(() -> SiteUrl.parse(input, allowed)).as(input).isInstanceOf(ConnectorException.class);
        }
    }

    @Test
    void an_allow_list_does_not_stop_cloud_sites() {
        assertThat(SiteUrl.parse("https://acme.atlassian.net", List.of("http://127.0.0.1:8090")).origin())
                .isEqualTo("https://acme.atlassian.net");
    }

    @Test
    void a_misconfigured_allow_list_is_a_programming_error() {
        assertThatThrownBy(() -> SiteUrl.parse("https://acme.atlassian.net", List.of("not a url")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_constructor_takes_only_normalised_origins() {
        assertThat(new SiteUrl("https://acme.atlassian.net").origin()).isEqualTo("https://acme.atlassian.net");
        for (String notAnOrigin : new String[] {"https://ACME.atlassian.net", "https://acme.atlassian.net/", "https://acme.atlassian.net:443"}) {
            assertThatThrownBy(() -> new SiteUrl(notAnOrigin)).as(notAnOrigin).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SiteUrl(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
