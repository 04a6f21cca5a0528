package ai.askel.confluence.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, 8L << 30, "Test CPU", "Linux 6 amd64", "OpenJDK 17");

    private final ReportWriter writer = new ReportWriter();

    private static Report report() {
        Report report = new Report(Instant.parse("2026-11-28T20:00:00Z"), MACHINE);
        Report.Section calls = report.section("calls", "1. Calls per operation");
        calls.figure("read page", 1, "calls", Target.atMost(1, "API minimum"), "1× GET");
        calls.figure("update page, unchanged", 2, "calls", Target.atMost(1, "API minimum"), "GET + PUT");
        calls.figure("scan time", 0.25, "s", "no target");
        report.section("peer", "7. Side by side").skipped("peer skipped: node not found");
        report.section("search", "4. Search").notSelected();
        return report;
    }

    @Test
    void a_figure_over_its_target_is_named_under_misses_and_marked_in_its_table() {
        String md = writer.markdown(report());

        String misses = md.substring(md.indexOf("## Misses"), md.indexOf("## 1. Calls"));
        assertThat(misses).contains("**calls · update page, unchanged**: 2 calls, target ≤ 1 calls (API minimum)")
                .doesNotContain("read page");
        assertThat(md).contains("| update page, unchanged | 2 calls | ≤ 1 calls (API minimum) | **MISS** | GET + PUT |")
                .contains("| read page | 1 calls | ≤ 1 calls (API minimum) | ok | 1× GET |")
                .contains("| scan time | 0.250 s | – |  | no target |");
    }

    @Test
    void the_header_names_date_and_machine_and_a_skipped_scenario_counts_as_a_miss_but_an_unselected_one_does_not() {
        String md = writer.markdown(report());

        assertThat(md).contains("- Date: 2026-11-28T20:00:00Z")
                .contains("- Machine: 2 cores (Test CPU), 8.0 GiB RAM, Linux 6 amd64, OpenJDK 17");
        String misses = md.substring(md.indexOf("## Misses"), md.indexOf("## 1. Calls"));
        assertThat(misses).contains("- peer 7. Side by side: peer skipped: node not found").doesNotContain("4. Search");
    }

    @Test
    void writes_both_files_and_the_json_carries_every_figure_with_its_target(@TempDir Path dir) throws Exception {
        writer.write(report(), dir);

        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Benchmark report");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("date").asText()).isEqualTo("2026-11-28T20:00:00Z");
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
        assertThat(json.get("misses")).hasSize(1);
        assertThat(json.get("misses").get(0).get("name").asText()).isEqualTo("update page, unchanged");
        JsonNode figures = json.get("scenarios").get(0).get("figures");
        assertThat(figures).hasSize(3);
        assertThat(figures.get(0).get("met").asBoolean()).isTrue();
        assertThat(figures.get(1).get("met").asBoolean()).isFalse();
        assertThat(figures.get(1).get("target").get("bound").asDouble()).isEqualTo(1.0);
        assertThat(figures.get(2).has("target")).isFalse();
        assertThat(json.get("scenarios").get(1).get("outcome").asText()).isEqualTo("peer skipped: node not found");
    }
}
