package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.adapter.persistence.SchemaUpToDateCheck.Recorded;
import ai.askel.confluence.adapter.persistence.SchemaUpToDateCheck.Script;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

class SchemaUpToDateCheckTest {
    private static final Script V1 = new Script("1", "initial schema", "V1__initial_schema.sql", 11);
    private static final Script V2 = new Script("2", "more", "V2__more.sql", 22);
    private static final Script V20 = new Script("20", "later", "V20__later.sql", 33);

    @Test
    void the_shipped_scripts_are_what_flyway_resolves_with_the_same_versions_descriptions_and_checksums() {
        Flyway flyway = Flyway.configure().dataSource("jdbc:h2:mem:uptodate-check", null, null).locations(SchemaMigrator.LOCATION).load();
        List<Script> resolved = Arrays.stream(flyway.info().all())
                .map(m -> new Script(m.getVersion().getVersion(), m.getDescription(), m.getScript(), m.getChecksum()))
                .sorted(Comparator.comparing(Script::script)).toList();

        List<Script> shipped = SchemaUpToDateCheck.shipped(getClass().getClassLoader()).orElseThrow().stream()
                .sorted(Comparator.comparing(Script::script)).toList();

        assertThat(shipped).isNotEmpty().isEqualTo(resolved);
        assertThat(Arrays.stream(flyway.info().all()).map(MigrationInfo::getScript)).hasSameSizeAs(shipped);
    }

    @Test
    void the_checksum_is_flyways_whatever_the_line_breaks_and_with_a_byte_order_mark() {
        int unix = checksum("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        assertThat(checksum("CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n")).isEqualTo(unix);
        assertThat(checksum("\uFEFFCREATE TABLE a (id INT);\nCREATE TABLE b (id INT);")).isEqualTo(unix);
        assertThat(checksum("CREATE TABLE a (id INT);\nCREATE TABLE c (id INT);\n")).isNotEqualTo(unix);
    }

    @Test
    void every_shipped_migration_recorded_successfully_with_flyways_markers_is_up_to_date() {
        List<Recorded> history = List.of(new Recorded(null, "<< Flyway Schema History table created >>", "TABLE", "", null, true),
                applied(V1), applied(V2), applied(V20));

        assertThat(SchemaUpToDateCheck.matches(List.of(V1, V2, V20), history)).isTrue();
    }

    @Test
    void a_pending_failed_changed_unknown_or_duplicate_migration_is_not_up_to_date() {
        List<Script> shipped = List.of(V1, V2, V20);

        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(applied(V1), applied(V2)))).as("pending").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(applied(V1), applied(V2), failed(V20)))).as("failed").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(applied(V1), applied(V2),
                applied(new Script("20", "later", "V20__later.sql", 34))))).as("changed checksum").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(applied(V1), applied(V2),
                applied(new Script("20", "other", "V20__other.sql", 33))))).as("renamed").isFalse();
        assertThat(SchemaUpToDateCheck.matches(List.of(V1, V2), List.of(applied(V1), applied(V2), applied(V20))))
                .as("recorded but not shipped: a schema ahead").isFalse();
        assertThat(SchemaUpToDateCheck.matches(List.of(V1, V2, new Script("2", "again", "V2__again.sql", 5)),
                List.of(applied(V1), applied(V2)))).as("two scripts of one version").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(applied(V1), applied(V2), applied(V20),
                new Recorded("21", "x", "JDBC", "x", null, true)))).as("a kind of migration this check does not know").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(new Recorded(null, "<< Flyway Schema History table created >>",
                "TABLE", "", null, false), applied(V1), applied(V2), applied(V20)))).as("any row not successful").isFalse();
    }

    @Test
    void migrations_at_or_below_a_baseline_need_no_record() {
        List<Script> shipped = List.of(V1, V2, V20);
        Recorded baseline = new Recorded("2", "adopted from flyway_schema_history", "BASELINE", "adopted", null, true);

        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(baseline, applied(V20)))).isTrue();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(baseline))).as("20 is pending").isFalse();
        assertThat(SchemaUpToDateCheck.matches(shipped, List.of(baseline, baseline, applied(V20)))).as("two baselines").isFalse();
    }

    @Test
    void versions_compare_as_numbers_part_by_part() {
        assertThat(SchemaUpToDateCheck.compareVersions("2", "20")).isNegative();
        assertThat(SchemaUpToDateCheck.compareVersions("20", "3")).isPositive();
        assertThat(SchemaUpToDateCheck.compareVersions("1.1", "1")).isPositive();
        assertThat(SchemaUpToDateCheck.compareVersions("1.0", "1")).isZero();
    }

    private static Recorded applied(Script script) {
        return new Recorded(script.version(), script.description(), "SQL", script.script(), script.checksum(), true);
    }

    private static Recorded failed(Script script) {
        return new Recorded(script.version(), script.description(), "SQL", script.script(), script.checksum(), false);
    }

    private static int checksum(String text) {
        try {
            return SchemaUpToDateCheck.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
