package ai.askel.confluence.cli;

import ai.askel.confluence.app.drift.DriftSandbox;
import ai.askel.confluence.domain.DriftPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code drift} on the command line: a finding made in the sandbox is printed with exit code 3 until it is resolved. */
class DriftCommandTest {
    @TempDir
    Path dataDir;

    private DriftSandbox site;
    private String page;

    @BeforeEach
    void publishARunbook() {
        site = new DriftSandbox(dataDir);
        page = site.publish("Crestview Production", DriftPolicy.FAIL, true).pageId().orElseThrow().value();
        assertThat(site.scan()).isEmpty();
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void the_cli_reports_drift_with_exit_code_3_and_nothing_once_it_is_resolved() {
        String original = site.sandbox.findPage(page).orElseThrow().storage();
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's own procedure</p>");
        site.askel.close();
        site.askel = null; // the CLI opens the same embedded database: only one connector at a time

        Cli first = cli("drift");
        assertThat(first.exit).as(first.err).isEqualTo(3);
        assertThat(first.out).contains("EDITED_IN_CONFLUENCE").contains(page).contains("last edit by Bob");

        Cli one = cli("drift", "--connection", "crestview");
        assertThat(one.exit).as(one.err).isEqualTo(3);

        site.sandbox.editPage(page, DriftSandbox.BOB, original);
        Cli resolved = cli("drift");
        assertThat(resolved.exit).as(resolved.err).isZero();
        assertThat(resolved.out).contains("no drift");
    }

    @Test
    void a_site_that_cannot_be_scanned_is_printed_as_json_and_exits_1_even_with_findings_that_need_attention() throws Exception {
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's own procedure</p>");
        site.askel.close();
        site.askel = null;
        assertThat(cli("drift").exit).as("the edit is found while the site is up").isEqualTo(3);
        site.sandbox.faults().errorRate(1.0, 503);

        for (Cli down : List.of(cli("--json", "drift", "--connection", "crestview"), cli("--json", "drift"))) {
            assertThat(down.exit).as("a site that could not be scanned wins over the older edit: %s", down.err).isEqualTo(1);
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(down.out);
            assertThat(json.isArray()).as(down.out).isTrue();
            assertThat(json.findValuesAsText("kind")).contains("SCAN_FAILED", "EDITED_IN_CONFLUENCE");
            assertThat(down.err).contains("not scanned");
        }
    }

    @Test
    void a_finding_is_acknowledged_and_overwritten_by_its_id_on_the_command_line() throws Exception {
        String original = site.sandbox.findPage(page).orElseThrow().storage();
        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's own procedure</p>");
        site.askel.close();
        site.askel = null;

        Cli found = cli("--json", "drift");
        assertThat(found.exit).as(found.err).isEqualTo(3);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(found.out).get(0).get("id").asText();

        Cli acknowledged = cli("drift", "acknowledge", "#" + id);
        assertThat(acknowledged.exit).as(acknowledged.err).isZero();
        assertThat(acknowledged.out).contains("#" + id).contains("acknowledged");
        Cli muted = cli("drift");
        assertThat(muted.exit).as("an acknowledged finding does not fail the scan: %s", muted.out).isZero();
        assertThat(muted.out).contains("EDITED_IN_CONFLUENCE");

        site.sandbox.editPage(page, DriftSandbox.BOB, "<p>Bob's procedure, edited again</p>");
        assertThat(cli("drift").exit).as("edited again: the acknowledgement lapsed").isEqualTo(3);

        Cli overwritten = cli("drift", "overwrite", id, "--connection", "crestview");
        assertThat(overwritten.exit).as(overwritten.err).isZero();
        assertThat(overwritten.out).contains("resolved");
        assertThat(site.sandbox.findPage(page).orElseThrow().storage()).isEqualTo(original);
        Cli clean = cli("drift");
        assertThat(clean.exit).as(clean.out).isZero();
        assertThat(cli("drift", "adopt", "nope").exit).as("not a finding id").isEqualTo(2);
    }

    @Test
    void a_publish_to_a_page_the_user_may_no_longer_edit_prints_permission_lost() throws Exception {
        site.sandbox.restrictEditing(page, DriftSandbox.BOB);
        site.askel.close();
        site.askel = null;
        Path inputs = dataDir.resolve("inputs.json");
        java.nio.file.Files.writeString(inputs, "{\"environment\":\"Crestview Production\",\"customer\":\"Crestview Health\","
                + "\"status\":\"LIVE\",\"notes\":\"Changed in the CLI\"}");

        Cli refused = cli("runbook", "publish", "--space", "INFRA", "--title", "Crestview Production", "--inputs-file", inputs.toString());

        assertThat(refused.exit).as(refused.out).isEqualTo(1);
        assertThat(refused.err).contains("error [PERMISSION_LOST]").contains("'Crestview Production' (page " + page);
    }

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        int exit = AskelCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Cli(exit, out.toString(), err.toString());
    }
}
