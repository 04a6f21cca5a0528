package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec check itself must catch violations, or the adapter tests would prove nothing. */
class OpenApiRequestValidatorTest {
    private static final Map<String, List<String>> AUTH = Map.of("Authorization", List.of("Basic b3BzOnRva2Vu"), "Accept", List.of("application/json"));

    @Test
    void accepts_a_valid_v2_and_v1_request() {
        assertThat(OpenApiRequestValidator.get().problems("GET", "/wiki/api/v2/spaces?limit=25&keys=TEAM", AUTH, null)).isEmpty();
        assertThat(OpenApiRequestValidator.get().problems("GET", "/wiki/rest/api/content/search?cql=type%3Dpage&limit=25", AUTH, null)).isEmpty();
    }

    @Test
    void rejects_an_out_of_range_limit_an_unknown_path_and_a_bad_body() {
        assertThat(OpenApiRequestValidator.get().problems("GET", "/wiki/api/v2/spaces?limit=0", AUTH, null)).isNotEmpty();
        assertThat(OpenApiRequestValidator.get().problems("GET", "/wiki/api/v2/no-such-thing", AUTH, null)).isNotEmpty();
        assertThat(OpenApiRequestValidator.get().problems("GET", "/wiki/rest/api/content/search?limit=25", AUTH, null))
                .as("cql is required").isNotEmpty();
        var json = Map.of("Authorization", List.of("Basic b3BzOnRva2Vu"), "Content-Type", List.of("application/json"));
        assertThat(OpenApiRequestValidator.get().problems("PUT", "/wiki/api/v2/pages/123", json, "{\"id\":\"123\"}"))
                .as("an update without version, title, status and body").isNotEmpty();
    }

    @Test
    void strips_the_gateway_prefix() {
        assertThat(OpenApiRequestValidator.get().problems("GET",
                "/ex/confluence/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/wiki/api/v2/pages/7700526?body-format=storage", AUTH, null)).isEmpty();
    }
}
