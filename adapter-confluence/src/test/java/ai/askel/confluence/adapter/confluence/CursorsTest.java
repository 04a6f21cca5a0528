package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CursorsTest {
    private static final URI SITE = URI.create("https://acme.atlassian.net");
    private static final URI GATEWAY = URI.create("https://api.atlassian.com/ex/confluence/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void a_v2_link_resolves_against_the_site_origin_or_the_gateway_base() {
        assertThat(Cursors.v2("/wiki/api/v2/spaces?limit=2&cursor=abc%3D", SITE, "/wiki/api/v2/spaces")).contains("abc=");
        assertThat(Cursors.v2("/wiki/api/v2/spaces?cursor=abc", GATEWAY, "/wiki/api/v2/spaces")).contains("abc");
        assertThat(Cursors.v2("/ex/confluence/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/wiki/api/v2/spaces?cursor=abc", GATEWAY, "/wiki/api/v2/spaces"))
                .contains("abc");
        assertThat(Cursors.v2("/api/v2/spaces?cursor=abc", SITE, "/wiki/api/v2/spaces")).as("without /wiki").contains("abc");
    }

    @Test
    void a_v2_link_elsewhere_or_without_a_cursor_is_not_followed() {
        assertThat(Cursors.v2("https://evil.example/wiki/api/v2/spaces?cursor=abc", SITE, "/wiki/api/v2/spaces")).isEmpty();
        assertThat(Cursors.v2("/wiki/api/v2/pages?cursor=abc", SITE, "/wiki/api/v2/spaces")).isEmpty();
        assertThat(Cursors.v2("/wiki/api/v2/spaces?limit=2", SITE, "/wiki/api/v2/spaces")).isEmpty();
        assertThat(Cursors.v2(null, SITE, "/wiki/api/v2/spaces")).isEmpty();
    }

    @Test
    void a_v1_link_is_joined_to_its_base() {
        assertThat(Cursors.v1("/rest/api/content/search?cql=type%3Dpage&limit=25&cursor=raNDoMsTRiNg", "https://acme.atlassian.net/wiki",
                URI.create("https://acme.atlassian.net/wiki"), "/rest/api/content/search")).contains("raNDoMsTRiNg");
        assertThat(Cursors.v1("/rest/api/search?next=true&cursor=x", null, URI.create("https://acme.atlassian.net/wiki"), "/rest/api/content/search"))
                .isEmpty();
    }
}
