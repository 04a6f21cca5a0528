package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.adapter.http.ApiJson.RegisterConnectionJson;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestMapperTest {
    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void modified_since_takes_a_date_a_local_date_time_or_an_instant() {
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31")).cql()).endsWith("lastmodified >= \"2026-01-31\"");
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31T09:30")).cql()).endsWith("lastmodified >= \"2026-01-31 09:30\"");
        assertThat(RequestMapper.searchQuery(params("modifiedSince", "2026-01-31T10:30+01:00")).cql())
                .endsWith("lastmodified >= \"2026-01-31 09:30\"");
        assertThatThrownBy(() -> RequestMapper.searchQuery(params("modifiedSince", "yesterday")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("modifiedSince"));
    }

    @Test
    void title_contains_is_a_keyword_match_and_without_filters_every_page_is_searched() {
        assertThat(RequestMapper.searchQuery(params("titleContains", "prod: east")).cql()).isEqualTo("type = \"page\" AND title ~ \"prod east\"");
        assertThat(RequestMapper.searchQuery(params()).cql()).isEqualTo("type = \"page\"");
    }

    @Test
    void limit_defaults_to_25_and_accepts_1_to_250() {
        assertThat(RequestMapper.limit(Optional.empty())).isEqualTo(25);
        assertThat(RequestMapper.limit(Optional.of("250"))).isEqualTo(250);
        assertThatThrownBy(() -> RequestMapper.limit(Optional.of("251"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RequestMapper.limit(Optional.of("ten"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_bad_expiry_date_and_a_token_with_spaces_are_both_named() {
        RegisterConnectionJson json = new RegisterConnectionJson("Acme", "https://acme.atlassian.net", "ops@acme.example",
                "two words", null, "31/01/2027");

        assertThatThrownBy(() -> RequestMapper.registerCommand(FakeConnector.WORKSPACE_A, json))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInputException.Problem::field).containsExactly("apiToken", "tokenExpiresOn");
                    assertThat(e.getMessage()).doesNotContain("two words");
                });
    }
}
