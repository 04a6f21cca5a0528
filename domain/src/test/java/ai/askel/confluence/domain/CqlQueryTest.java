package ai.askel.confluence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CqlQueryTest {

    @Test
    void quote_escapes_backslashes_then_quotes() {
        assertThat(CqlQuery.quote("plain")).isEqualTo("\"plain\"");
        assertThat(CqlQuery.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(CqlQuery.quote("C:\\temp\\")).isEqualTo("\"C:\\\\temp\\\\\"");
        assertThat(CqlQuery.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
    }

    @Test
    void clauses_are_combined_with_and_in_order_with_order_by_last() {
        CqlQuery query = CqlQuery.builder()
                .type("page")
                .space(SpaceKey.of("INFRA"))
                .label(Label.of("Runbook"))
                .orderByLastModifiedDescending()
                .titleEquals("Crestview")
                .build();

        assertThat(query.cql()).isEqualTo(
                "type = \"page\" AND space = \"INFRA\" AND label = \"runbook\" AND title = \"Crestview\" ORDER BY lastmodified DESC");
    }

    @Test
    void collections_and_dates_render_as_quoted_lists_and_values() {
        CqlQuery query = CqlQuery.builder()
                .spaces(List.of(SpaceKey.of("A"), SpaceKey.of("~jsmith")))
                .labels(List.of(Label.of("x"), Label.of("y/z")))
                .lastModifiedSince(LocalDate.of(2026, 1, 31))
                .lastModifiedSince(LocalDateTime.of(2026, 1, 31, 9, 5, 59))
                .lastModifiedBefore(LocalDate.of(2026, 2, 1))
                .build();

        assertThat(query).hasToString("space in (\"A\", \"~jsmith\") AND label in (\"x\", \"y/z\") AND lastmodified >= \"2026-01-31\""
                + " AND lastmodified >= \"2026-01-31 09:05\" AND lastmodified < \"2026-02-01\"");
    }

    @Test
    void an_injection_attempt_stays_one_literal() {
        CqlQuery query = CqlQuery.builder().space(SpaceKey.of("PUBLIC")).titleEquals("x\" OR space = \"SECRET").build();

        assertThat(skeleton(query.cql())).isEqualTo("space = ? AND title = ?");
        assertThat(literals(query.cql())).containsExactly("PUBLIC", "x\" OR space = \"SECRET");
    }

    @Test
    void a_trailing_backslash_cannot_swallow_the_closing_quote() {
        CqlQuery query = CqlQuery.builder().titleEquals("x\\").space(SpaceKey.of("PUBLIC")).build();

        assertThat(skeleton(query.cql())).isEqualTo("title = ? AND space = ?");
        assertThat(literals(query.cql())).containsExactly("x\\", "PUBLIC");
    }

    @Test
    void random_titles_never_change_the_shape_of_the_query() {
        Random random = new Random(20261128L);
        String alphabet = "ab \"\\'()=~:ORAND!*?-";
        for (int n = 0; n < 2000; n++) {
            StringBuilder title = new StringBuilder();
            for (int i = random.nextInt(12) + 1; i > 0; i--) {
                title.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (title.toString().isBlank()) {
                continue;
            }
            CqlQuery query = CqlQuery.builder().titleEquals(title.toString()).type("page").build();

            assertThat(skeleton(query.cql())).as(title.toString()).isEqualTo("title = ? AND type = ?");
            assertThat(literals(query.cql()).get(0)).as(title.toString()).isEqualTo(title.toString());
        }
    }

    @Test
    void title_contains_replaces_lucene_syntax_by_spaces() {
        CqlQuery query = CqlQuery.builder().titleContains("prod: (db)* +fail -ok [x] {y} ^2 ~a/b|c&d!e?").build();

        assertThat(query.cql()).isEqualTo("title ~ \"prod db fail ok x y 2 a b c d e\"");
    }

    @Test
    void title_contains_still_quotes_what_it_keeps() {
        CqlQuery query = CqlQuery.builder().titleContains("x\" OR space = \"SECRET").build();

        assertThat(skeleton(query.cql())).isEqualTo("title ~ ?");
        assertThat(literals(query.cql())).containsExactly("x\" OR space = \"SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "::", "()*?", "-+!"})
    void title_contains_with_nothing_left_to_search_is_invalid(String keywords) {
        assertThatThrownBy(() -> CqlQuery.builder().titleContains(keywords))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("titleContains: has no words to search for");
    }

    @Test
    void a_query_needs_a_condition() {
        assertThatThrownBy(() -> CqlQuery.builder().orderByLastModifiedDescending().build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cql: a search needs at least one condition");
    }

    @Test
    void raw_queries_are_trimmed_and_checked() {
        assertThat(CqlQuery.raw("  type = page\n AND\tspace = X ").cql()).isEqualTo("type = page\n AND\tspace = X");
        assertThatThrownBy(() -> CqlQuery.raw(" ")).isInstanceOf(InvalidInputException.class).hasMessage("cql: is required");
        assertThatThrownBy(() -> CqlQuery.raw("type = page\u0000")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cql: must not contain control characters");
        assertThat(CqlQuery.raw("x".repeat(CqlQuery.MAX_LENGTH)).cql()).hasSize(CqlQuery.MAX_LENGTH);
        assertThatThrownBy(() -> CqlQuery.raw("x".repeat(CqlQuery.MAX_LENGTH + 1))).isInstanceOf(InvalidInputException.class)
                .hasMessage("cql: is longer than 4000 characters");
    }

    /** The query with every string literal replaced by {@code ?}; fails on an unterminated literal. */
    private static String skeleton(String cql) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cql.length(); i++) {
            char c = cql.charAt(i);
            if (c == '"') {
                i = endOfLiteral(cql, i);
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The decoded values of the string literals, in order. */
    private static List<String> literals(String cql) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < cql.length(); i++) {
            if (cql.charAt(i) == '"') {
                int end = endOfLiteral(cql, i);
                values.add(cql.substring(i + 1, end).replaceAll("\\\\(.)", "$1"));
                i = end;
            }
        }
        return values;
    }

    private static int endOfLiteral(String cql, int open) {
        for (int i = open + 1; i < cql.length(); i++) {
            char c = cql.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new AssertionError("unterminated literal in " + cql);
    }
}
