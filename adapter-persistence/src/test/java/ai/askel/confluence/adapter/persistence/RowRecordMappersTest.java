package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.PageId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowRecordMappersTest {
    /** A row record of this package, as the adapter's own are. */
    record SampleRow(String id, String name, Long size, Instant seenAt) {
    }

    private final Jdbi jdbi = Jdbi.create("jdbc:h2:mem:row-record-mappers;DB_CLOSE_DELAY=-1").registerRowMapper(new RowRecordMappers());

    @BeforeEach
    void table() {
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS sample");
            h.execute("CREATE TABLE sample (id VARCHAR(10) PRIMARY KEY, name VARCHAR(20), size BIGINT, seen_at TIMESTAMP WITH TIME ZONE)");
            h.execute("INSERT INTO sample VALUES ('1', 'first', 10, TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05Z')");
            h.execute("INSERT INTO sample VALUES ('2', NULL, NULL, NULL)");
        });
    }

    private List<SampleRow> query(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(SampleRow.class).list());
    }

    @Test
    void maps_a_row_record_by_its_constructor_nulls_included() {
        assertThat(query("SELECT id, name, size, seen_at AS seenAt FROM sample ORDER BY id")).containsExactly(
                new SampleRow("1", "first", 10L, Instant.parse("2026-01-02T03:04:05Z")),
                new SampleRow("2", null, null, null));
    }

    @Test
    void queries_with_other_column_lists_map_by_their_own_columns() {
        SampleRow first = new SampleRow("1", "first", 10L, Instant.parse("2026-01-02T03:04:05Z"));
        for (int round = 0; round < 3; round++) {
            assertThat(query("SELECT id, name, size, seen_at AS seenAt FROM sample WHERE id = '1'")).containsExactly(first);
            assertThat(query("SELECT seen_at AS seenAt, size, name, id FROM sample WHERE id = '1'")).containsExactly(first);
            assertThat(query("SELECT name AS id, id AS name, size, seen_at AS seenAt FROM sample WHERE id = '1'"))
                    .containsExactly(new SampleRow("first", "1", 10L, first.seenAt()));
        }
    }

    @Test
    void leaves_types_that_are_not_this_adapters_row_records_to_jdbi() {
        RowRecordMappers mappers = new RowRecordMappers();
        ConfigRegistry config = new ConfigRegistry();

        assertThat(mappers.build(SampleRow.class, config)).isPresent();
        assertThat(mappers.build(String.class, config)).isEmpty();
        assertThat(mappers.build(PageId.class, config)).as("a record of another package").isEmpty();
    }
}
