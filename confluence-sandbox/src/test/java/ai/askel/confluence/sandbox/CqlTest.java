package ai.askel.confluence.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CqlTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    private static final Cql.Doc RELEASE = new Cql.Doc(1, "page", "DEV", "Release Notes 2024", Set.of("release", "q2"),
            Instant.parse("2024-06-01T08:30:00Z"), Instant.parse("2024-06-14T09:00:00Z"));
    private static final Cql.Doc RUNBOOK = new Cql.Doc(2, "page", "OPS", "Restart \"Ingest\" cluster",
            Set.of("runbook"), Instant.parse("2024-01-10T10:00:00Z"), Instant.parse("2024-05-01T10:00:00Z"));
    private static final Cql.Doc ADVANCED = new Cql.Doc(3, "page", "DEV", "Advanced Searching", Set.of(),
            Instant.parse("2023-12-31T23:59:00Z"), Instant.parse("2024-06-08T12:00:00Z"));
    private static final List<Cql.Doc> DOCS = List.of(RELEASE, RUNBOOK, ADVANCED);

    private static List<Long> run(String cql) {
        Cql.Query query = Cql.parse(cql, NOW);
        return DOCS.stream().filter(query::matches).sorted(query.order()).map(Cql.Doc::id)
                .collect(Collectors.toList());
    }

    @Test
    void type_space_and_label_match_with_equals_and_in_case_insensitively() {
        assertThat(run("type = page")).containsExactly(1L, 2L, 3L);
        assertThat(run("space = \"DEV\"")).containsExactly(1L, 3L);
        assertThat(run("space in (\"ops\", 'NOPE')")).containsExactly(2L);
        assertThat(run("label = \"Release\"")).containsExactly(1L);
        assertThat(run("label in (runbook, q2)")).containsExactly(1L, 2L);
        assertThat(run("type = blogpost")).isEmpty();
    }

    @Test
    void title_equals_is_exact_and_contains_matches_all_words_with_wildcards() {
        assertThat(run("title = \"advanced searching\"")).containsExactly(3L);
        assertThat(run("title = \"Advanced\"")).isEmpty();
        assertThat(run("title ~ \"release notes\"")).containsExactly(1L);
        assertThat(run("title ~ \"notes release\"")).containsExactly(1L);
        assertThat(run("title ~ \"search*\"")).containsExactly(3L);
        assertThat(run("title ~ \"rel?ase\"")).containsExactly(1L);
        assertThat(run("title !~ release")).containsExactly(2L, 3L);
    }

    @Test
    void quoted_strings_unescape_quotes_and_backslashes() {
        assertThat(run("title = \"Restart \\\"Ingest\\\" cluster\"")).containsExactly(2L);
        Cql.Doc slashed = new Cql.Doc(9, "page", "DEV", "a\\b", Set.of(), NOW, NOW);
        assertThat(Cql.parse("title = \"a\\\\b\"", NOW).matches(slashed)).isTrue();
    }

    @Test
    void and_or_not_and_parentheses_follow_precedence() {
        assertThat(run("space = DEV AND label = release OR space = OPS")).containsExactly(1L, 2L);
        assertThat(run("space = DEV AND (label = release OR space = OPS)")).containsExactly(1L);
        assertThat(run("NOT space = DEV")).containsExactly(2L);
        assertThat(run("space = DEV AND NOT label = release")).containsExactly(3L);
        assertThat(run("space = DEV NOT label = release")).containsExactly(3L);
        assertThat(run("type = page and not (space = DEV or label = runbook)")).isEmpty();
        assertThat(run("label not in (release, runbook)")).containsExactly(3L);
    }

    @Test
    void dates_accept_confluences_four_formats_with_day_or_minute_granularity() {
        assertThat(run("created = \"2024-06-01\"")).containsExactly(1L);
        assertThat(run("created = \"2024/06/01\"")).containsExactly(1L);
        assertThat(run("created = \"2024-06-01 08:30\"")).containsExactly(1L);
        assertThat(run("created = \"2024/06/01 08:31\"")).isEmpty();
        assertThat(run("created < \"2024-01-01\"")).containsExactly(3L);
        assertThat(run("created <= \"2023-12-31\"")).containsExactly(3L);
        assertThat(run("created > \"2024-01-10\"")).containsExactly(1L);
        assertThat(run("created >= \"2024-01-10\"")).containsExactly(1L, 2L);
        assertThat(run("lastmodified >= \"2024-06-01\"")).containsExactly(1L, 3L);
    }

    @Test
    void now_with_an_offset_is_relative_to_the_current_time() {
        assertThat(run("lastmodified >= now(\"-7d\")")).containsExactly(1L, 3L);
        assertThat(run("lastmodified >= now(\"-2d\")")).containsExactly(1L);
        assertThat(run("lastModified > now('-1w')")).containsExactly(1L);
        assertThat(run("created < now(\"-5M\")")).containsExactly(2L, 3L);
        assertThat(run("lastmodified < now()")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void order_by_sorts_by_title_created_or_lastmodified_in_either_direction() {
        assertThat(run("type = page ORDER BY title")).containsExactly(3L, 1L, 2L);
        assertThat(run("type = page order by title desc")).containsExactly(2L, 1L, 3L);
        assertThat(run("type = page ORDER BY created ASC")).containsExactly(3L, 2L, 1L);
        assertThat(run("type = page ORDER BY lastmodified DESC")).containsExactly(1L, 3L, 2L);
        assertThat(run("type = page ORDER BY lastmodified DESC, title")).containsExactly(1L, 3L, 2L);
    }

    @Test
    void anything_outside_the_subset_is_rejected_with_a_message_naming_the_problem() {
        assertRejected("", "empty");
        assertRejected("creator = ada", "unsupported field 'creator'");
        assertRejected("title > \"x\"", "operator '>' is not supported for field 'title'");
        assertRejected("space = ", "expected a value for 'space' but found the end of the query");
        assertRejected("title = \"open", "unterminated string");
        assertRejected("(space = DEV", "expected ')'");
        assertRejected("space = DEV AND", "expected a field but found the end of the query");
        assertRejected("space = DEV space = OPS", "unexpected 'space' at position 12");
        assertRejected("created > \"15/06/2024\"", "invalid date '15/06/2024'");
        assertRejected("created > now(\"-7x\")", "invalid now() offset '-7x'");
        assertRejected("label in release", "expected '(' to start a list");
        assertRejected("title ~ \"*ase\"", "cannot start with '*'");
        assertRejected("type = page ORDER BY label", "cannot order by field 'label'");
        assertRejected("type = page ORDER title", "expected BY after ORDER");
        assertRejected("space = DEV & label = x", "unexpected character '&' at position 12");
    }

    private static void assertRejected(String cql, String message) {
        assertThatThrownBy(() -> Cql.parse(cql, NOW)).isInstanceOf(Cql.CqlException.class)
                .hasMessageContaining(message);
    }
}
